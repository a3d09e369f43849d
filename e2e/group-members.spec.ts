import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { EMULATOR_PORT } from '../playwright.config';

test.use({ locale: 'en-US' });

// Members, Admins and the ownership transfer. Only the groups given to this spec are changed:
// Android Devs (members, admins) and Board Games (its owner); the big group is only read.

const API = `http://127.0.0.1:${EMULATOR_PORT}/demo/console`;
const BIG = '180000000104729'; // 全员大群 All Hands, 3,000 members
const ANDROID = '180000000628374'; // Android Devs, 118 members, owner li_na
const BOARD_GAMES = '180000001047290'; // Board Games, 11 members, owner mason.wong

async function headers(request: APIRequestContext) {
  const res = await request.post(`${API}/token`, {
    data: { grant_type: 'client_credentials', client_id: 'demo-client-id', client_secret: 'demo-client-secret' },
  });
  expect(res.status()).toBe(200);
  return { Authorization: `Bearer ${((await res.json()) as { access_token: string }).access_token}` };
}

async function rosterOf(request: APIRequestContext, groupId: string) {
  const res = await request.get(`${API}/chatgroups/${groupId}/users?pagenum=1&pagesize=1000`, { headers: await headers(request) });
  const data = ((await res.json()) as { data: ({ owner: string } | { member: string })[] }).data;
  return data.map((e) => ('owner' in e ? e.owner : e.member));
}

/** Users only this test knows, so parallel specs never see them. */
async function freshUsers(request: APIRequestContext, n: number) {
  const stamp = Date.now().toString(36);
  const users = Array.from({ length: n }, (_, i) => ({ username: `e2e-g1-${stamp}-${i}`, password: 'demo-password' }));
  const res = await request.post(`${API}/users`, { headers: await headers(request), data: users });
  expect(res.status()).toBe(200);
  return users.map((u) => u.username);
}

async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const memberCount = (page: Page) => page.getByRole('row', { name: /^Members/ });

test('the 3,000-member roster has numbered pages of 1,000, and the last one ends the list', async ({ page }) => {
  await page.goto(`/demo/groups/${BIG}?pagesize=1000`);
  const nav = page.getByRole('navigation', { name: 'Pagination' });
  await expect(page.getByText('Page 1 of 3 · rows 1–1000')).toBeVisible();
  await expect(nav.getByRole('button', { name: /^Page \d+$/ })).toHaveText(['1', '2', '3']);
  await expect(nav.getByRole('button', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');

  await nav.getByRole('button', { name: 'Page 3' }).click();
  await expect(page.getByText('Page 3 of 3 · rows 2001–3000')).toBeVisible();
  await expect(page).toHaveURL(/pagenum=3/);
  await expect(nav.getByRole('button', { name: 'Page 3' })).toHaveAttribute('aria-current', 'page');
  // 3,000 members: the third full page is the last.
  await expect(nav.getByRole('button', { name: 'Next page' })).toBeDisabled();

  await nav.getByRole('button', { name: 'Page 2' }).click();
  await expect(page.getByText('Page 2 of 3 · rows 1001–2000')).toBeVisible();
  await nav.getByRole('button', { name: 'Previous page' }).click();
  await expect(page.getByText('Page 1 of 3 · rows 1–1000')).toBeVisible();
  // The owner's row says so; the others are members.
  const roster = page.getByRole('table', { name: 'Members of 全员大群 All Hands' });
  await expect(roster.getByRole('row').nth(1)).toContainText('grace');
  await expect(roster.getByRole('row').nth(1)).toContainText('Owner');
});

test('roster rows show roles, mutes and the whitelist, each name a link to the user', async ({ page }) => {
  await page.goto(`/demo/groups/${ANDROID}?pagesize=20`);
  const roster = page.getByRole('table', { name: 'Members of Android Devs' });
  await expect(roster.getByRole('row', { name: /ava_nguyen7242/ })).toContainText('Admin');
  await expect(roster.getByRole('row', { name: /li_na/ })).toContainText('Owner');
  await expect(roster.getByRole('row', { name: /noah\.tan1513/ })).toContainText('Whitelisted');
  // The owner cannot be removed: it cannot be selected, and select-all leaves it out.
  await expect(roster.getByRole('checkbox', { name: 'Select li_na' })).toBeDisabled();
  const all = roster.getByRole('checkbox', { name: 'Select all rows on this page' });
  await all.check();
  await expect(page.getByRole('button', { name: 'Remove 19 selected' })).toBeVisible();
  await expect(roster.getByRole('checkbox', { name: 'Select li_na' })).not.toBeChecked();
  await all.uncheck();
  await expect(page.getByRole('button', { name: 'Remove members…' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A row's menu is made on first use: from the keyboard it opens, and Escape brings focus back.
  const actions = roster.getByRole('button', { name: 'Actions for ava_nguyen7242' });
  await actions.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Remove admin role' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(actions).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Remove from the group' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(actions).toBeFocused();

  await page.goto(`/demo/groups/${ANDROID}?pagesize=20&pagenum=6`);
  await expect(page.getByRole('row', { name: /zhangbo4448/ })).toContainText(/Muted, ends in \d+ (days|hours)/);
  await page.getByRole('link', { name: 'zhangbo4448' }).click();
  await expect(page).toHaveURL('/demo/users/zhangbo4448');
});

test('members are added one by one or in bulk, removed in bulk or one by one, each with a report and Undo', async ({ page, request }) => {
  const [a, b] = await freshUsers(request, 2);
  await page.goto(`/demo/groups/${ANDROID}`);
  await expect(memberCount(page)).toContainText('118 of 200');

  // Three names, one already a member: two join, the third is reported.
  await page.getByRole('button', { name: 'Add members…' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add members to Android Devs' });
  await dialog.getByRole('textbox', { name: 'Names' }).fill(`${a}\n${b}\nlily.khan`);
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByText('Add 3 users to Android Devs.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.getByText('2 succeeded, 1 failed, 0 skipped', { exact: true })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /lily\.khan Failed Not added: already a member/ })).toBeVisible();
  await expect(memberCount(page)).toContainText('120 of 200');
  expect(await rosterOf(request, ANDROID)).toEqual(expect.arrayContaining([a, b]));

  // Undo removes exactly the two who joined.
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.getByText('Remove the 2 users this run added.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove them' }).click();
  await expect(dialog.getByText('2 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(memberCount(page)).toContainText('118 of 200');
  const after = await rosterOf(request, ANDROID);
  expect(after).not.toContain(a);
  expect(after).toContain('lily.khan');

  // One by one: an existing member is refused with the reason explained, and the name stays.
  await page.getByRole('button', { name: 'Add member', exact: true }).click();
  dialog = page.getByRole('dialog', { name: 'Add a member to Android Devs' });
  const name = dialog.getByRole('textbox', { name: 'Username' });
  await name.fill('lily.khan');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('lily.khan is already a member of this group.');
  await expect(dialog.getByRole('alert')).toContainText('already in group');
  await expect(name).toHaveValue('lily.khan');
  await name.fill(a!);
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: `${a} joined the group.` })).toBeVisible();
  await expect(memberCount(page)).toContainText('119 of 200');

  // The newcomer is last: on page 2 at 100 a page. Remove the selection, then Undo adds it back.
  await page.getByRole('navigation', { name: 'Pagination' }).getByRole('button', { name: 'Page 2' }).click();
  const roster = page.getByRole('table', { name: 'Members of Android Devs' });
  await roster.getByRole('checkbox', { name: `Select ${a}` }).check();
  await page.getByRole('button', { name: 'Remove 1 selected' }).click();
  dialog = page.getByRole('dialog', { name: 'Remove members from Android Devs' });
  await dialog.getByRole('button', { name: 'Review' }).click();
  await dialog.getByRole('textbox', { name: `Type ${ANDROID} to confirm` }).fill(ANDROID);
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dialog.getByText('1 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  await expect(memberCount(page)).toContainText('118 of 200');
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await dialog.getByRole('button', { name: 'Add them back' }).click();
  await expect(dialog.getByText('1 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(memberCount(page)).toContainText('119 of 200');
  await expect(roster.getByRole('link', { name: a })).toBeVisible();

  // One member from its row, after a confirmation.
  await roster.getByRole('button', { name: `Actions for ${a}` }).click();
  await page.getByRole('menuitem', { name: 'Remove from the group' }).click();
  dialog = page.getByRole('dialog', { name: `Remove ${a} from Android Devs?` });
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: `${a} was removed from the group.` })).toBeVisible();
  await expect(memberCount(page)).toContainText('118 of 200');
  expect(await rosterOf(request, ANDROID)).not.toContain(a);
});

test('admins are promoted after checks and demoted after a confirmation', async ({ page, request }) => {
  const [outsider] = await freshUsers(request, 1);
  await page.goto(`/demo/groups/${ANDROID}/admins`);
  const admins = page.getByRole('table', { name: 'Admins of Android Devs' });
  await expect(admins.getByRole('link', { name: 'ava_nguyen7242' })).toBeVisible();
  await expect(page.getByText('2 of 99 admins', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);

  const field = page.getByRole('textbox', { name: 'Member’s username' });
  const promote = page.getByRole('button', { name: 'Make admin' });
  // Checked before sending.
  await field.fill('li_na');
  await promote.click();
  await expect(page.getByText('li_na owns the group; the owner cannot also be an admin.')).toBeVisible();
  // Refused by the API: shown next to the form, the name kept.
  await field.fill(outsider!);
  await promote.click();
  await expect(page.getByRole('alert').filter({ hasText: `user: ${outsider} doesn't exist in group: ${ANDROID}` })).toBeVisible();
  await expect(field).toHaveValue(outsider!);

  await field.fill('lily.khan');
  await promote.click();
  await expect(admins.getByRole('link', { name: 'lily.khan' })).toBeVisible();
  await expect(field).toHaveValue('');
  await expect(page.getByText('3 of 99 admins', { exact: false })).toBeVisible();

  // The roster shows the new role, and demotes from the row too.
  await page.getByRole('link', { name: 'Members', exact: true }).click();
  const roster = page.getByRole('table', { name: 'Members of Android Devs' });
  await expect(roster.getByRole('row', { name: /lily\.khan/ })).toContainText('Admin');

  await page.getByRole('link', { name: 'Admins', exact: true }).click();
  await admins.getByRole('button', { name: 'Remove admin role: lily.khan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Make lily.khan a plain member?' });
  await dialog.getByRole('button', { name: 'Remove admin role' }).click();
  await expect(admins.getByRole('link', { name: 'lily.khan' })).toHaveCount(0);
  await expect(page.getByText('2 of 99 admins', { exact: false })).toBeVisible();
});

test('ownership moves to a member once the group ID is typed; the old owner stays a member', async ({ page }) => {
  await page.goto(`/demo/groups/${BOARD_GAMES}/admins`);
  const ownerRow = page.getByRole('row', { name: /^Owner/ });
  await expect(ownerRow).toContainText('mason.wong');
  await page.getByRole('textbox', { name: 'New owner’s username' }).fill('hu.hui');
  await page.getByRole('button', { name: 'Transfer…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Make hu.hui the owner of Board Games?' });
  await expect(dialog).toContainText('mason.wong, the owner now, stays in the group as a plain member.');
  const confirm = dialog.getByRole('button', { name: 'Transfer ownership' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox', { name: `Type ${BOARD_GAMES} to confirm` }).fill(BOARD_GAMES);
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(ownerRow).toContainText('hu.hui');

  await page.getByRole('link', { name: 'Members', exact: true }).click();
  const roster = page.getByRole('table', { name: 'Members of Board Games' });
  await expect(roster.getByRole('row').nth(1)).toContainText('hu.hui');
  await expect(roster.getByRole('row', { name: /mason\.wong/ })).toContainText('Member');
  await expect(memberCount(page)).toContainText('11 of 200');
});
