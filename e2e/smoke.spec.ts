import { expect, test } from '@playwright/test';

test.describe('in English (browser locale en-US)', () => {
  test.use({ locale: 'en-US' });

  test('shows the welcome page and opens the groups page from the navigation', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to the IM Admin Console' })).toBeVisible();
    await expect(page).toHaveTitle('IM Admin Console');

    await page.getByRole('navigation').getByRole('link', { name: 'Groups' }).click();

    await expect(page).toHaveURL('/groups');
    await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
    await expect(page.getByText('This page is coming soon.')).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Groups' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  test('shows a translated not-found page inside the app shell', async ({ page }) => {
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Users' })).toBeVisible();
  });
});

test.describe('in Chinese (browser locale zh-CN)', () => {
  test.use({ locale: 'zh-CN' });

  test('shows the welcome page and opens the groups page from the navigation', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: '欢迎使用 IM 管理控制台' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    await page.getByRole('navigation').getByRole('link', { name: '群组' }).click();

    await expect(page).toHaveURL('/groups');
    await expect(page.getByRole('heading', { level: 1, name: '群组' })).toBeVisible();
    await expect(page.getByText('此页面即将推出。')).toBeVisible();
  });

  test('keeps a language chosen in the switcher across reloads', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to the IM Admin Console' })).toBeVisible();

    await page.reload();

    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to the IM Admin Console' })).toBeVisible();
  });
});
