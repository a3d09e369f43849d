import { act, screen } from '@testing-library/react';
import { useTranslation } from '@/lib/i18n/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { PageTitle } from './page-title';

// Mirrors how the placeholder pages use PageTitle, with real catalogue texts.
function UsersPageTitle() {
  const { t } = useTranslation();
  return <PageTitle title={t('users.title')} description={t('common.comingSoon')} />;
}

describe('PageTitle', () => {
  it.each([
    { language: 'en', heading: 'Users', description: 'This page is coming soon.', tab: 'Users · IM Admin Console' },
    { language: 'zh-CN', heading: '用户', description: '此页面即将推出。', tab: '用户 · IM 管理控制台' },
  ] as const)('renders the $language title, description and tab title', ({ language, heading, description, tab }) => {
    renderWithProviders(<UsersPageTitle />, { language });

    expect(screen.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    expect(screen.getByText(description)).toBeVisible();
    expect(document.title).toBe(tab);
  });

  it('follows a language change without remounting', async () => {
    const { i18n } = renderWithProviders(<UsersPageTitle />);
    expect(screen.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();

    await act(() => i18n.changeLanguage('zh-CN'));

    expect(screen.getByRole('heading', { level: 1, name: '用户' })).toBeVisible();
    expect(document.title).toBe('用户 · IM 管理控制台');
  });

  it('renders no description paragraph when none is given', () => {
    renderWithProviders(<PageTitle title="Users" />);

    expect(screen.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    expect(screen.queryByRole('paragraph')).not.toBeInTheDocument();
  });
});
