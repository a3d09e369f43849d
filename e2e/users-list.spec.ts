import type { Page } from '@playwright/test';
import { BUDGET, recordAssets } from '../scripts/first-screen.mjs';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/emulator';

test.use({ locale: 'en-US' });

const usersTable = (page: Page) => page.getByRole('table', { name: 'Users' });
/** A body row found by its user link (by CSS, so it is found behind an open dialog too). */
const rowOf = (page: Page, name: string) => page.locator('tbody tr').filter({ has: page.locator(`a[href$="/users/${name}"]`) });

/** Usernames of the body rows of the page in view. */
async function namesOnPage(page: Page): Promise<string[]> {
  await expect(usersTable(page).getByRole('link').first()).toBeVisible();
  return usersTable(page).locator('tbody tr a').allTextContents();
}

test('pages through users with Next/Previous; the URL keeps limit and cursor for reload and Back; a bad limit is corrected', async ({ page }) => {
  await page.goto('/demo/users?limit=abc');
  // Corrected to the default, which is kept out of the URL.
  await expect(page).toHaveURL(/\/demo\/users$/);
  await expect(usersTable(page).getByRole('row')).toHaveCount(21);
  await expect(page.getByRole('button', { name: 'Previous page' })).toBeDisabled();

  await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('10');
  await expect(page).toHaveURL(/limit=10/);
  await expect(usersTable(page).getByRole('row')).toHaveCount(11);
  const first = await namesOnPage(page);
  expect(first.slice(0, 3)).toEqual(['alice', 'bob', 'carol']);

  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Page 2', { exact: true })).toBeVisible();
  await expect(usersTable(page).getByRole('link', { name: 'alice', exact: true })).toHaveCount(0);
  const second = await namesOnPage(page);
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Page 3', { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/limit=10.*cursor=|cursor=.*limit=10/);
  await expect(usersTable(page).getByRole('link', { name: second[0]!, exact: true })).toHaveCount(0);
  const third = await namesOnPage(page);
  expect(third).toHaveLength(10);

  await page.reload();
  await expect(page.getByText('Page 3', { exact: true })).toBeVisible();
  expect(await namesOnPage(page)).toEqual(third);

  await page.goBack();
  await expect(page.getByText('Page 2', { exact: true })).toBeVisible();
  await expect(usersTable(page).getByRole('link', { name: second[0]!, exact: true })).toBeVisible();
  expect(await namesOnPage(page)).toEqual(second);

  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(page.getByText('Page 1', { exact: true })).toBeVisible();
  expect(await namesOnPage(page)).toEqual(first);

  // One click from the list to the user page.
  await usersTable(page).getByRole('link', { name: 'bob', exact: true }).click();
  await expect(page).toHaveURL(/\/demo\/users\/bob$/);
});

test('shows the online status of the page from one batch call, in words', async ({ page }) => {
  const statusCalls: Promise<{ data: object[] }>[] = [];
  page.on('response', (r) => {
    if (r.request().method() === 'POST' && r.url().endsWith('/users/batch/status')) statusCalls.push(r.json());
  });
  await page.goto('/demo/users');
  await expect(rowOf(page, 'alice')).toContainText('Online');
  await expect(rowOf(page, 'alice')).toContainText('Active');
  await expect(rowOf(page, 'mallory')).toContainText('Banned');
  await expect(usersTable(page).getByText('Offline').first()).toBeVisible();
  expect(statusCalls).toHaveLength(1);
  // One answer for the whole page of 20.
  expect((await statusCalls[0]!).data).toHaveLength(20);
  // The rows with their states (the whole page is accessibility.spec.ts's).
  await expectNoAxeViolations(page, { include: usersTable(page) });
});

test('bans three selected users, reports per user, and Undo unbans exactly them', async ({ page, emu }) => {
  await page.goto('/demo/users');
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Page 2', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Page 3', { exact: true })).toBeVisible();
  // Users 55–57 of the demo data: none of the first named users other specs rely on.
  const victims = (await namesOnPage(page)).slice(14, 17);
  expect(victims).toHaveLength(3);
  for (const name of victims) await expect(rowOf(page, name)).toContainText('Active');

  for (const name of victims) await usersTable(page).getByRole('checkbox', { name: `Select ${name}` }).check();
  await page.getByRole('button', { name: 'Ban 3 selected', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Ban users' });
  await expect(dialog.getByText('3 selected rows')).toBeVisible();
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByText('Ban 3 users: they are forced offline')).toBeVisible();
  await dialog.getByRole('button', { name: 'Ban', exact: true }).click();

  await expect(dialog.getByText('3 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  for (const name of victims) await expect(dialog.getByRole('row', { name: new RegExp(`^${name} Succeeded`) })).toBeVisible();
  for (const name of victims) await expect(rowOf(page, name)).toContainText('Banned');
  for (const name of victims) expect(await emu.activated(name), name).toBe(false);

  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.getByText('Unban the 3 users this run banned.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Unban', exact: true }).click();
  await expect(dialog.getByText('Result of the undo')).toBeVisible();
  await expect(dialog.getByText('3 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  for (const name of victims) await expect(rowOf(page, name)).toContainText('Active');
  for (const name of victims) expect(await emu.activated(name), name).toBe(true);

  await expectNoAxeViolations(page, { include: dialog });
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();
  // The selection is spent; focus is back on the button that opened the dialog.
  await expect(page.getByRole('button', { name: 'Ban users…', exact: true })).toBeFocused();
  await expect(usersTable(page).getByRole('checkbox', { name: `Select ${victims[0]}` })).not.toBeChecked();
});

test('each row has its own Ban or Unban one click away, with one confirmation; the emulator follows', async ({ page, emu }) => {
  await page.goto('/demo/users');
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Page 2', { exact: true })).toBeVisible();
  // User 24 of the demo data: none of the named users other specs rely on.
  const name = (await namesOnPage(page))[3]!;
  await expect(rowOf(page, name)).toContainText('Active');

  await rowOf(page, name).getByRole('button', { name: `Ban ${name}` }).click();
  const ban = page.getByRole('dialog', { name: `Ban ${name}?` });
  await ban.getByRole('button', { name: 'Ban', exact: true }).click();
  await expect(ban).toBeHidden();
  await expect(rowOf(page, name)).toContainText('Banned');
  expect(await emu.activated(name)).toBe(false);

  await rowOf(page, name).getByRole('button', { name: `Unban ${name}` }).click();
  const unban = page.getByRole('dialog', { name: `Unban ${name}?` });
  await unban.getByRole('button', { name: 'Unban', exact: true }).click();
  await expect(unban).toBeHidden();
  await expect(rowOf(page, name)).toContainText('Active');
  expect(await emu.activated(name)).toBe(true);
});

test('forces a pasted list offline and reports an unknown name on its own row', async ({ page, emu }) => {
  await page.goto('/demo/users?limit=20');
  await page.getByRole('button', { name: 'Next page' }).click();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Page 3', { exact: true })).toBeVisible();
  const [a, b] = (await namesOnPage(page)).slice(17, 19);
  const unknown = `e2e-nobody-${Date.now().toString(36)}`;

  await page.getByRole('button', { name: 'Force users offline…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Force users offline' });
  await dialog.getByRole('textbox', { name: 'Names' }).fill(`${a}\n${b}, ${unknown}\n${a}`);
  await expect(dialog.getByText(`Given more than once (sent once): ${a}`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByText('Force 3 users offline on every device.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Force offline', exact: true }).click();

  await expect(dialog.getByText('2 succeeded, 1 failed, 0 skipped', { exact: true })).toBeVisible();
  await expect(dialog.getByRole('row', { name: new RegExp(`^${unknown} Failed Service resource not found \\(404 service_resource_not_found\\)`) })).toBeVisible();
  await expect(dialog.getByRole('row', { name: new RegExp(`^${a} Succeeded`) })).toBeVisible();
  expect(await emu.statuses([a!, b!])).toEqual({ [a!]: 'offline', [b!]: 'offline' });
  // Nothing to undo for a force offline.
  await expect(dialog.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Force users offline…' })).toBeFocused();
});

test('the danger zone is collapsed, checks the count and asks for it again (cancelled: nothing is deleted)', async ({ page }) => {
  const deletes: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'DELETE') deletes.push(r.url());
  });
  await page.goto('/demo/users');
  await expect(rowOf(page, 'alice')).toBeVisible();
  const toggle = page.getByRole('button', { name: 'Show the danger zone' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('textbox', { name: 'How many users to delete' })).toHaveCount(0);
  await toggle.click();
  await expect(page.getByText('the oldest accounts first', { exact: false })).toBeVisible();

  const count = page.getByRole('textbox', { name: 'How many users to delete' });
  for (const bad of ['0', '501', 'ten']) {
    await count.fill(bad);
    await expect(page.getByText('Enter a whole number from 1 to 500.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Delete the oldest users…' })).toBeDisabled();
  }
  await count.fill('2');
  await page.getByRole('button', { name: 'Delete the 2 oldest users…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 2 users?' });
  await expect(dialog.getByText('This cannot be undone.', { exact: false })).toBeVisible();
  const confirm = dialog.getByRole('button', { name: 'Delete', exact: true });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Type 2 to confirm' }).fill('20');
  await expect(dialog.getByText('Type exactly 2')).toBeVisible();
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  await expect(rowOf(page, 'alice')).toBeVisible();
  expect(deletes).toEqual([]);
});

test('the list reads in Chinese', async ({ page }) => {
  await page.goto('/demo/users');
  await expect(rowOf(page, 'alice')).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const table = page.getByRole('table', { name: '用户' });
  await expect(table.getByRole('columnheader', { name: '在线状态' })).toBeVisible();
  await expect(rowOf(page, 'alice')).toContainText('在线');
  await expect(rowOf(page, 'mallory')).toContainText('已封禁');
  await expect(page.getByRole('button', { name: '封禁用户…' })).toBeVisible();
});

test('the first screen as Chromium loads it, what loads once the list is up included, stays within its budget', async ({ page }) => {
  // `npm run test:budget` walks the build's manifest; this counts what the browser fetches, so a
  // part loaded at run time (a notice, the strings it waits for) cannot slip past the budget.
  const assets = recordAssets(page);
  await page.goto('/demo/users');
  await expect(usersTable(page).getByRole('link', { name: 'alice', exact: true })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const { files, js, css } = await assets.files();
  const list = files.map((f) => `${f.file} ${(f.gzip / 1024).toFixed(1)} KB`).join(', ');
  expect(js, list).toBeLessThanOrEqual(BUDGET.js);
  expect(css, list).toBeLessThanOrEqual(BUDGET.css);
});
