import { expect, test } from '@playwright/test';
import { EMULATOR_PORT } from '../playwright.config';

const BIG_GROUP = '180000000104729';

test.describe('the shell, in English', () => {
  test.use({ locale: 'en-US' });

  test('opens on the first app, connected, with Users, Groups and the relationship check in the navigation', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL('/demo');
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to the IM Admin Console' })).toBeVisible();
    await expect(page.getByRole('img', { name: `Connected to http://127.0.0.1:${EMULATOR_PORT}` })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Connected app' })).toHaveValue('demo');

    await page.getByRole('navigation').getByRole('link', { name: 'Groups' }).click();
    await expect(page).toHaveURL('/demo/groups');
    await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Groups' })).toHaveAttribute('aria-current', 'page');

    // Opened from the navigation in relationship.spec.ts.
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Relationship check' })).toHaveAttribute('href', '/demo/relationship');
  });

  test('the shell is drawn while a page’s code and strings download, the page in it once they are in', async ({ page }) => {
    // The group page's strings (the `pages` part) held back: the page cannot be drawn before they come.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/pages-en-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`/demo/groups/${BIG_GROUP}`);
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Groups' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Connected app' })).toHaveValue('demo');
    // A long wait shows a spinner where the page will be.
    await expect(page.getByRole('main').getByLabel('Loading…')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);

    release();
    await expect(page.getByRole('heading', { level: 1, name: '全员大群 All Hands' })).toBeVisible();
    await expect(page.getByRole('row', { name: /Members 3000 of 3000/ })).toBeVisible();
    await expect(page.getByRole('main').getByLabel('Loading…')).toHaveCount(0);
  });

  test('a page waits only a moment for slow answers: it is drawn without them, and a page change shows at once', async ({ page }) => {
    // The roster's calls held back: the page must not wait for them (a quick answer is drawn with
    // the page in one render; a slow one only after the page has been drawn without it).
    let release = () => {};
    let held = new Promise<void>((resolve) => (release = resolve));
    await page.route(new RegExp(`/chatgroups/${BIG_GROUP}/users\\?`), async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`/demo/groups/${BIG_GROUP}`);
    await expect(page.getByRole('heading', { level: 1, name: '全员大群 All Hands' })).toBeVisible();
    const roster = page.getByRole('table', { name: 'Members of 全员大群 All Hands' });
    await expect(roster).toHaveAttribute('aria-busy', 'true');
    await expect(page.getByText('Loading rows…')).toBeAttached();
    release();
    await expect(roster.getByRole('row').nth(1)).toContainText('grace');
    await expect(roster).not.toHaveAttribute('aria-busy');

    // Page 3 with its answer held: the URL, the page buttons and "Refreshing…" follow the click.
    held = new Promise<void>((resolve) => (release = resolve));
    const nav = page.getByRole('navigation', { name: 'Pagination' });
    await nav.getByRole('button', { name: 'Page 3', exact: true }).click();
    await expect(page).toHaveURL(/pagenum=3/);
    await expect(page.getByText('Refreshing…')).toBeVisible();
    await expect(roster.getByRole('row').nth(1)).toContainText('grace');
    release();
    await expect(page.getByText('Page 3 of 30 · rows 201–300')).toBeVisible();
    await expect(page.getByText('Refreshing…')).toHaveCount(0);
    await expect(roster.getByRole('row').nth(1)).not.toContainText('grace');
  });

  test('switching the app keeps the page, and the link works after a reload', async ({ page }) => {
    await page.goto(`/demo/groups/${BIG_GROUP}`);
    await expect(page.getByRole('heading', { level: 1, name: '全员大群 All Hands' })).toBeVisible();
    // The page as it is at the switch, not as it was first drawn: the roster's page 3.
    await page.getByRole('navigation', { name: 'Pagination' }).getByRole('button', { name: 'Page 3', exact: true }).click();
    await expect(page.getByText('Page 3 of 30 · rows 201–300')).toBeVisible();

    await page.getByRole('combobox', { name: 'Connected app' }).selectOption({ label: 'Emulator · Agora Chat' });

    await expect(page).toHaveURL(`/demo-agora/groups/${BIG_GROUP}?pagenum=3`);
    await expect(page.getByRole('combobox', { name: 'Connected app' })).toHaveValue('demo-agora');
    await expect(page.getByRole('heading', { level: 1, name: '全员大群 All Hands' })).toBeVisible();
    await expect(page.getByText('Page 3 of 30 · rows 201–300')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Connected app' })).toHaveValue('demo-agora');
    await expect(page.getByRole('row', { name: /Members 3000 of 3000/ })).toBeVisible();
  });

  test('the go-to box opens a user, a group, or says that nothing matched', async ({ page }) => {
    await page.goto('/demo');
    const palette = page.getByRole('dialog', { name: 'Go to or do' });
    // The header's box opens the command palette, whose search takes the focus.
    const open = async () => {
      await page.getByRole('banner').getByRole('button', { name: 'Go to a user, group, page or action' }).click();
      const box = palette.getByRole('combobox', { name: 'Users, groups, pages and actions' });
      await expect(box).toBeFocused();
      return box;
    };

    let box = await open();
    await box.fill('ALICE');
    await box.press('Enter');
    await expect(page).toHaveURL('/demo/users/alice');
    await expect(page.getByRole('heading', { level: 1, name: 'alice' })).toBeVisible();
    await expect(page.getByText('Active', { exact: true })).toBeVisible();

    box = await open();
    await box.fill(BIG_GROUP);
    await expect(palette.getByRole('group', { name: 'Exact match' }).getByRole('option', { name: /^全员大群 All Hands/ })).toBeVisible();
    await box.press('Enter');
    await expect(page).toHaveURL(`/demo/groups/${BIG_GROUP}`);

    box = await open();
    await box.fill('nobody-at-all');
    await expect(palette.getByRole('status')).toContainText('Nothing matches “nobody-at-all”.');
    await box.press('Enter');
    await expect(page).toHaveURL(`/demo/groups/${BIG_GROUP}`);
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();
  });

  test('a banned user shows as banned; an unknown one is said to be unknown', async ({ page }) => {
    await page.goto('/demo/users/mallory');
    await expect(page.getByText('Banned', { exact: true })).toBeVisible();
    await page.goto('/demo/users/no-such-user');
    await expect(page.getByText('There is no user called “no-such-user” in this app.')).toBeVisible();
  });

  test('an unknown app in the URL offers the configured ones', async ({ page }) => {
    await page.goto('/staging/users');
    await expect(page.getByRole('heading', { level: 1, name: 'No such app' })).toBeVisible();
    await page.getByRole('link', { name: 'Emulator · Agora Chat' }).click();
    await expect(page).toHaveURL('/demo-agora');
  });

  test('an unknown page under an app is a translated not-found inside the shell', async ({ page }) => {
    await page.goto('/demo/no-such-page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Users' })).toBeVisible();
  });
});

test.describe('colour scheme', () => {
  test('follows the system by default and keeps an explicit choice across reloads', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/demo');
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');

    await page.getByRole('combobox', { name: 'Colour scheme' }).selectOption({ label: 'Dark' });
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await page.reload();
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');

    await page.getByRole('combobox', { name: 'Colour scheme' }).selectOption({ label: 'Follow the system' });
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  });
});

test.describe('language', () => {
  test.use({ locale: 'zh-CN' });

  test('follows the browser, and a choice in the switcher survives a reload', async ({ page }) => {
    await page.goto('/demo');
    await expect(page.getByRole('heading', { level: 1, name: '欢迎使用 IM 管理控制台' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.getByRole('navigation').getByRole('link', { name: '群组' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '群组' })).toBeVisible();

    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

test.describe('narrow screens', () => {
  test.use({ viewport: { width: 700, height: 800 } });

  test('the colour scheme and the language sit in the navigation, opened from the menu button', async ({ page }) => {
    await page.goto('/demo/users');
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    const scheme = page.getByRole('combobox', { name: 'Colour scheme' });
    await expect(scheme).toBeHidden();
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(nav.getByRole('combobox', { name: 'Colour scheme' })).toBeVisible();
    await nav.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: '用户' })).toBeVisible();
    // What stays in the header fits in it: the app switcher, its last control, ends inside the window.
    const box = await page.locator('header').getByRole('combobox').last().boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(700);
  });
});
