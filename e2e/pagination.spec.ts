import type { Locator } from '@playwright/test';
import { E2E_OPERATORS, PRODUCTION_URL } from '../playwright.config';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/emulator';

test.use({ locale: 'en-US' });

// Numbered pages: a page three pages in is one click away, and the page stays in the URL through
// a reload. The big group is only read; the audit log gets rows of a user only this spec makes.

const BIG = '180000000104729'; // 全员大群 All Hands, 3,000 members

/** The usernames a table shows, in order (each row's name is a link to the user). */
const namesIn = (table: Locator) => table.locator('a[href^="/demo/users/"]').evaluateAll((links) => links.map((a) => a.textContent));

test('from the groups list, the big roster’s page 3 is two clicks away, and a reload keeps it', async ({ page, emu }) => {
  await page.goto('/demo/groups');
  // Click 1: open the group.
  await page.getByRole('table', { name: 'Groups' }).getByRole('link', { name: '全员大群 All Hands' }).click();
  const roster = page.getByRole('table', { name: 'Members of 全员大群 All Hands' });
  const nav = page.getByRole('navigation', { name: 'Pagination' });
  await expect(page.getByText('Page 1 of 30 · rows 1–100')).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Page 1', exact: true })).toHaveAttribute('aria-current', 'page');
  // Click 2: page 3.
  await nav.getByRole('button', { name: 'Page 3', exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`/demo/groups/${BIG}\\?pagenum=3$`));
  await expect(page.getByText('Page 3 of 30 · rows 201–300')).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Page 3', exact: true })).toHaveAttribute('aria-current', 'page');
  // The same members, in the same order, as the IM API's page 3 at the same size.
  const expected = (await emu.roster(BIG, { pagenum: 3, pagesize: 100 })).everyone;
  expect(expected).toHaveLength(100);
  await expect.poll(() => namesIn(roster)).toEqual(expected);
  await expectNoAxeViolations(page, { include: [roster, nav] });

  await page.reload();
  await expect(page.getByText('Page 3 of 30 · rows 201–300')).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Page 3', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect.poll(() => namesIn(roster)).toEqual(expected);

  // Many pages: the first and the last are one click too.
  await nav.getByRole('button', { name: 'Last page' }).click();
  await expect(page.getByText('Page 30 of 30 · rows 2901–3000')).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Next page' })).toBeDisabled();
  await page.goBack();
  await expect(page.getByText('Page 3 of 30 · rows 201–300')).toBeVisible();
});

test('the numbered pages are named in Chinese too', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`/demo/groups/${BIG}?pagenum=3&pagesize=20`);
  const nav = page.getByRole('navigation', { name: '分页' });
  await expect(nav.getByRole('button', { name: '第 3 页', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('第 3 页，共 150 页 · 第 41–60 行')).toBeVisible();
  for (const name of ['第一页', '上一页', '下一页', '最后一页', '第 150 页']) await expect(nav.getByRole('button', { name, exact: true })).toBeEnabled();
  // The pages' names (the whole Chinese page is accessibility.spec.ts's).
  await expectNoAxeViolations(page, { include: nav });
  await context.close();
});

test('the mutes list, answered whole by the API, has numbered pages of its own', async ({ page, emu }) => {
  const mutes = (await emu.mutes(BIG)).map((m) => m.user);
  expect(mutes.length).toBeGreaterThan(4);
  await page.goto(`/demo/groups/${BIG}/mutes?pagesize=2`);
  const table = page.getByRole('table', { name: 'Muted members of 全员大群 All Hands' });
  const nav = page.getByRole('navigation', { name: 'Pagination' });
  await expect(nav.getByRole('button', { name: /^Page \d+$/ }).last()).toHaveAccessibleName(`Page ${Math.ceil(mutes.length / 2)}`);
  await nav.getByRole('button', { name: 'Page 2', exact: true }).click();
  await expect(page).toHaveURL(/pagenum=2/);
  await expect.poll(() => namesIn(table)).toEqual(mutes.slice(2, 4));
  await page.reload();
  await expect(nav.getByRole('button', { name: 'Page 2', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect.poll(() => namesIn(table)).toEqual(mutes.slice(2, 4));
});

test.describe('the audit log under npm start', () => {
  test.use({ baseURL: PRODUCTION_URL });

  test('shows numbered pages once there are more entries than a page, by the server’s total', async ({ page }) => {
    await page.goto('/demo/audit');
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByRole('textbox', { name: 'Username' }).fill(E2E_OPERATORS.admin.username);
    await form.getByRole('textbox', { name: 'Password' }).fill(E2E_OPERATORS.admin.password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();

    // 12 entries about one new user: the sign-up and 11 nickname changes.
    const who = `e2e-pages-${Date.now().toString(36)}`;
    const { csrfToken } = (await (await page.request.get('/im-console/session')).json()) as { csrfToken: string };
    const headers = { 'X-CSRF-Token': csrfToken };
    expect((await page.request.post('/im/demo/users', { headers, data: [{ username: who, password: 'demo-password' }] })).status()).toBe(200);
    for (let i = 1; i <= 11; i++) expect((await page.request.put(`/im/demo/users/${who}`, { headers, data: { nickname: `Pages ${i}` } })).status()).toBe(200);

    await page.goto(`/demo/audit?target=${who}&pagesize=5`);
    const log = page.getByRole('table', { name: 'Audit log' });
    const nav = page.getByRole('navigation', { name: 'Pagination' });
    await expect(nav.getByRole('button', { name: /^Page \d+$/ })).toHaveText(['1', '2', '3']);
    await expect(page.getByText('Page 1 of 3 · rows 1–5')).toBeVisible();
    await nav.getByRole('button', { name: 'Page 3', exact: true }).click();
    await expect(page).toHaveURL(/pagenum=3/);
    await expect(page.getByText('Page 3 of 3 · rows 11–12')).toBeVisible();
    // The oldest two: the sign-up, and the first nickname.
    const rows = log.getByRole('row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText('Pages 1');
    await expect(rows.nth(2)).toContainText('POST');
    // All of the section, filters too: no other test checks the audit log.
    await expectNoAxeViolations(page, { include: 'main' });

    await page.reload();
    await expect(page.getByText('Page 3 of 3 · rows 11–12')).toBeVisible();
    await expect(nav.getByRole('button', { name: 'Page 3', exact: true })).toHaveAttribute('aria-current', 'page');

    // A link from before numbered pages (size as `limit`, the rows after a cursor) still opens its rows.
    const first = (await (await page.request.get(`/im-console/audit?target=${who}&limit=5`)).json()) as { cursor: string; total: number };
    expect(first.total).toBe(12);
    await page.goto(`/demo/audit?target=${who}&limit=5&cursor=${encodeURIComponent(JSON.stringify(first.cursor))}&prev=${encodeURIComponent('[""]')}`);
    await expect(page.getByText('Page 2 of 3 · rows 6–10')).toBeVisible();
    await expect(rows.nth(1)).toContainText('Pages 6');
    await expect(nav.getByRole('button', { name: 'Page 2', exact: true })).toHaveAttribute('aria-current', 'page');
  });
});
