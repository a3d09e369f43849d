import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/emulator';

test.use({ locale: 'en-US' });

// Search from the first minute: the e2e preview console starts on a fresh console database and
// builds demo's index by itself (it needs no sign-in, so every control shows). End states are
// read back from the console's own routes and from the emulator over HTTP.

type IndexStatus = { count: number; lastBuiltAt: string | null; building: unknown };

/** demo's index as the console reports it. */
async function indexOf(request: APIRequestContext): Promise<IndexStatus> {
  const res = await request.get('/im-console/apps/demo/users/index');
  expect(res.status()).toBe(200);
  return (await res.json()) as IndexStatus;
}

/** The index is complete: its first walk (started by the server) has finished. */
async function indexComplete(request: APIRequestContext) {
  await expect.poll(async () => (await indexOf(request)).lastBuiltAt, { timeout: 90_000 }).not.toBeNull();
}

const searchBox = (page: Page) => page.getByRole('textbox', { name: 'Search users' });
async function search(page: Page, q: string) {
  await searchBox(page).fill(q);
  await searchBox(page).press('Enter');
}
/** A body row found by its user link. */
const rowOf = (page: Page, name: string) => page.locator('tbody tr').filter({ has: page.locator(`a[href$="/users/${name}"]`) });

test('on a fresh console database the index of demo builds by itself, and part of a Chinese nickname finds the user', async ({ page, request }) => {
  test.setTimeout(120_000);
  await indexComplete(request);
  const status = await indexOf(request);
  expect(status.count).toBeGreaterThanOrEqual(3200);
  expect(status.building).toBeNull();
  // Nobody asked for it: no build, re-walk or cancel in the audit log.
  const audit = (await (await request.get('/im-console/audit?action=users/index')).json()) as { entries: { refusal?: string }[] };
  expect(audit.entries.filter((e) => !e.refusal)).toEqual([]);

  await page.goto('/demo/users');
  await expect(rowOf(page, 'alice')).toBeVisible();
  await expect(page.getByText(/^Building the search index/)).toHaveCount(0);
  // 丝 is in both Alice 爱丽丝 and 格蕾丝 Grace: a list of matches, not one user.
  await search(page, '丝');
  await expect(page).toHaveURL(/[?&]q=/);
  const results = page.getByRole('table', { name: 'Users matching “丝”' });
  await expect(results.getByRole('link', { name: 'alice', exact: true })).toBeVisible();
  await expect(rowOf(page, 'alice')).toContainText('Alice 爱丽丝');
  await expect(rowOf(page, 'grace')).toContainText('格蕾丝 Grace');
  // The list's own table: selection, state and online status, the bulk actions.
  await expect(results.getByRole('columnheader', { name: 'Online status' })).toBeVisible();
  await expect(rowOf(page, 'alice')).toContainText('Active');
  await expect(rowOf(page, 'alice')).toContainText('Online');
  await results.getByRole('checkbox', { name: 'Select alice' }).check();
  await expect(page.getByRole('button', { name: 'Ban 1 selected', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Force 1 selected offline', exact: true })).toBeVisible();
  // Search results are not a page of the list: only the export of all users is offered.
  await expect(page.getByRole('button', { name: /^Export \d+ users? \(CSV\)$/ })).toHaveCount(0);
});

test('unbans a banned user straight from a search result', async ({ page, request, emu }) => {
  test.setTimeout(120_000);
  expect(await emu.activated('mallory')).toBe(false);
  await indexComplete(request);
  // A second match, registered through the console (its index has it at once), so the search
  // lists results rather than opening mallory's page.
  const twin = `mallory-twin-${Date.now().toString(36)}`;
  const reg = await request.post('/im/demo/users', { data: { username: twin, password: 'pw-123456', nickname: 'Mallory Twin' } });
  expect(reg.status(), await reg.text()).toBe(200);
  try {
    await page.goto('/demo/users');
    await search(page, 'allory');
    const results = page.getByRole('table', { name: 'Users matching “allory”' });
    await expect(results.getByRole('link', { name: twin })).toBeVisible();
    await expect(rowOf(page, 'mallory')).toContainText('Banned');

    await rowOf(page, 'mallory').getByRole('button', { name: 'Unban mallory' }).click();
    const dialog = page.getByRole('dialog', { name: 'Unban mallory?' });
    await dialog.getByRole('button', { name: 'Unban', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('alert').filter({ hasText: 'mallory is unbanned.' })).toBeVisible();
    // The row follows the index, which the console's own change updated at once.
    await expect(rowOf(page, 'mallory')).toContainText('Active');
    await expect(rowOf(page, 'mallory').getByRole('button', { name: 'Ban mallory' })).toBeVisible();
    expect(await emu.activated('mallory')).toBe(true);
  } finally {
    // Other specs expect the demo's banned user banned: through the console, so its index follows.
    expect((await request.post('/im/demo/users/mallory/deactivate')).status()).toBe(200);
    await request.delete(`/im/demo/users/${twin}`);
  }
  expect(await emu.activated('mallory')).toBe(false);
});

test('a search that finds one user opens them, and Back returns to the list; an exact username too', async ({ page, request }) => {
  await indexComplete(request);
  await page.goto('/demo/users');
  await expect(rowOf(page, 'alice')).toBeVisible();
  // Only 格蕾丝 Grace has these three characters.
  await search(page, '格蕾丝');
  await expect(page).toHaveURL(/\/demo\/users\/grace$/);
  await expect(page.getByRole('heading', { level: 1, name: 'grace' })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/demo\/users$/);
  await expect(page.getByRole('table', { name: 'Users' })).toBeVisible();

  // An exact username skips the index and opens the user at once.
  await search(page, 'bob');
  await expect(page).toHaveURL(/\/demo\/users\/bob$/);
  await expect(page.getByRole('heading', { level: 1, name: 'bob' })).toBeVisible();
});

test('finds users by part of a Latin name, keeps the search in the URL, and opens a result', async ({ page, request }) => {
  await indexComplete(request);
  await page.goto('/demo/users');
  await search(page, 'wong');
  const wong = page.getByRole('table', { name: 'Users matching “wong”' });
  await expect(wong.locator('tbody tr').first()).toBeVisible();
  const rows = await wong.locator('tbody tr').allTextContents();
  expect(rows.length).toBeGreaterThan(1);
  for (const row of rows) expect(row.toLowerCase()).toContain('wong');

  // Reload keeps the search (it is in the URL); a result opens the user page, read from the API.
  await page.reload();
  await expect(searchBox(page)).toHaveValue('wong');
  const first = wong.locator('tbody tr a').first();
  const name = (await first.textContent())!;
  await first.click();
  await expect(page).toHaveURL(new RegExp(`/demo/users/${name}$`));
  await expect(page.getByRole('heading', { name })).toBeVisible();

  // The header's go-to box (the command palette) finds matches in the index as one types.
  await page.getByRole('button', { name: 'Go to a user, group, page or action' }).click();
  const palette = page.getByRole('dialog', { name: 'Go to or do' });
  const goTo = palette.getByRole('combobox');
  await goTo.fill('丽丝');
  const alice = palette.getByRole('group', { name: 'Users' }).getByRole('option', { name: /^alice, Alice 爱丽丝/ });
  await expect(alice).toBeVisible();
  // From the keyboard: the arrows move the active option, Enter opens it.
  await expect(alice).toHaveAttribute('aria-selected', 'true');
  await goTo.press('ArrowDown');
  await goTo.press('ArrowUp');
  await expect(alice).toHaveAttribute('aria-selected', 'true');
  await goTo.press('Enter');
  await expect(page).toHaveURL(/\/demo\/users\/alice$/);
  await expect(palette).toBeHidden();
});

test('Search settings re-walks the index, and a notification says when the walk is complete', async ({ page, request }) => {
  test.setTimeout(120_000);
  await indexComplete(request);
  await page.goto('/demo/users');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Search settings' }).click();
  await expect(page).toHaveURL(/\/demo\/search-settings$/);
  await page.getByRole('button', { name: 'Re-walk' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The walk has started' })).toBeVisible();
  // Progress is read every 2 s while the walk runs; its end comes as a notification.
  await expect(page.getByRole('alert').filter({ hasText: /^Search index of demo is complete: [\d,]+ users$/ })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('button', { name: 'Cancel the walk' })).toBeHidden();
  const count = Number((await page.getByTestId('index-count').textContent())!.replace(/\D/g, ''));
  expect(count).toBeGreaterThanOrEqual(3200);
});
