import { act, screen } from '@testing-library/react';
import { useTranslation } from '@/lib/i18n/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { PageTitle } from './page-title';

// Mirrors how the not-found page uses PageTitle, with real catalogue texts.
function NotFoundTitle() {
  const { t } = useTranslation();
  return <PageTitle title={t('notFound.title')} description={t('notFound.description')} />;
}

describe('PageTitle', () => {
  it.each([
    { language: 'en', heading: 'Page not found', description: 'The page you are looking for does not exist.', tab: 'Page not found · IM Admin Console' },
    { language: 'zh-CN', heading: '页面不存在', description: '你要访问的页面不存在。', tab: '页面不存在 · IM 管理控制台' },
  ] as const)('renders the $language title, description and tab title', ({ language, heading, description, tab }) => {
    renderWithProviders(<NotFoundTitle />, { language });

    expect(screen.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    expect(screen.getByText(description)).toBeVisible();
    expect(document.title).toBe(tab);
  });

  it('follows a language change without remounting', async () => {
    const { i18n } = renderWithProviders(<NotFoundTitle />);
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();

    await act(() => i18n.changeLanguage('zh-CN'));

    expect(screen.getByRole('heading', { level: 1, name: '页面不存在' })).toBeVisible();
    expect(document.title).toBe('页面不存在 · IM 管理控制台');
  });

  it('renders no description paragraph when none is given', () => {
    renderWithProviders(<PageTitle title="Users" />);

    expect(screen.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    expect(screen.queryByRole('paragraph')).not.toBeInTheDocument();
  });
});
