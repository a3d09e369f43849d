import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expect, test, unique, type Emulator } from './support/emulator';

test.use({ locale: 'en-US' });

// Members, Admins and the ownership transfer. Only the groups given to this spec are changed:
// Android Devs (members, admins) and Board Games (its owner); the big group is only read.

const BIG = '180000000104729'; // 全员大群 All Hands, 3,000 members
const ANDROID = '180000000628374'; // Android Devs, 118 members, owner li_na
const BOARD_GAMES = '180000001047290'; // Board Games, 11 members, owner mason.wong

/** Everyone in the group, the owner first. */
const rosterOf = async (emu: Emulator, groupId: string) => (await emu.roster(groupId)).everyone;

/** Users only this test knows, so parallel specs never see them. */
async function freshUsers(emu: Emulator, n: number) {
  const stamp = unique('e2e-g1');
  const users = Array.from({ length: n }, (_, i) => `${stamp}-${i}`);
  await emu.register(users, { password: 'demo-password' });
  return users;
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
  await expectNoAxeViolations(page, { include: roster });

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

test('members are added one by one or in bulk, removed in bulk or one by one, each with a report and Undo', async ({ page, emu }) => {
  const [a, b] = await freshUsers(emu, 2);
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
  expect(await rosterOf(emu, ANDROID)).toEqual(expect.arrayContaining([a, b]));

  // Undo removes exactly the two who joined.
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.getByText('Remove the 2 users this run added.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove them' }).click();
  await expect(dialog.getByText('2 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(memberCount(page)).toContainText('118 of 200');
  const after = await rosterOf(emu, ANDROID);
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

  // The newcomer is last: on page 2 at 100 a page. Remove the selection (one confirmation, nothing
  // typed: it can be undone), then Undo adds it back.
  await page.getByRole('navigation', { name: 'Pagination' }).getByRole('button', { name: 'Page 2' }).click();
  const roster = page.getByRole('table', { name: 'Members of Android Devs' });
  await roster.getByRole('checkbox', { name: `Select ${a}` }).check();
  await page.getByRole('button', { name: 'Remove 1 selected' }).click();
  dialog = page.getByRole('dialog', { name: 'Remove members from Android Devs' });
  await expect(dialog.getByText(/only their membership/)).toBeVisible();
  await expect(dialog.getByRole('textbox')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dialog.getByText('1 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  await expect(memberCount(page)).toContainText('118 of 200');
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.getByText('Result of the undo')).toBeVisible();
  await expect(dialog.getByText('1 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(memberCount(page)).toContainText('119 of 200');
  await expect(roster.getByRole('link', { name: a })).toBeVisible();

  // One member from its row: the same dialog, on its confirmation.
  await roster.getByRole('button', { name: `Actions for ${a}` }).click();
  await page.getByRole('menuitem', { name: 'Remove from the group' }).click();
  dialog = page.getByRole('dialog', { name: 'Remove members from Android Devs' });
  await expect(dialog.getByText('Remove 1 member from Android Devs.', { exact: false })).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dialog.getByText('1 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(memberCount(page)).toContainText('118 of 200');
  expect(await rosterOf(emu, ANDROID)).not.toContain(a);
});

test('admins are promoted after checks and demoted after a confirmation', async ({ page, emu }) => {
  const [outsider] = await freshUsers(emu, 1);
  await page.goto(`/demo/groups/${ANDROID}/admins`);
  const admins = page.getByRole('table', { name: 'Admins of Android Devs' });
  await expect(admins.getByRole('link', { name: 'ava_nguyen7242' })).toBeVisible();
  await expect(page.getByText('2 of 99 admins', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page, { include: 'main' });

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

// Moderating from the roster. Travel Buddies (21 members) is only this spec's: users made for each
// test join it, and leave again at the end.
const TRAVEL = '180000002513496'; // Travel Buddies, 21 members

test('on the 3,000-member roster, 70 chosen members are muted for 1 hour in four actions with Undo in view, and Undo unmutes them all', async ({ page, emu }) => {
  const before = await emu.mutes(BIG);
  // The owner and the first 70 members: a page of 71.
  const first = (await rosterOf(emu, BIG)).slice(1, 71);
  expect(first.filter((n) => before.some((m) => m.user === n))).toEqual([]);
  await page.goto(`/demo/groups/${BIG}?pagesize=71`);
  const roster = page.getByRole('table', { name: 'Members of 全员大群 All Hands' });
  await expect(roster.getByRole('row').nth(71)).toBeVisible({ timeout: 30_000 });

  // Every action is counted: a click, or a field filled.
  let actions = 0;
  const act = async (step: Promise<void>) => {
    actions++;
    await step;
  };
  await act(roster.getByRole('checkbox', { name: 'Select all rows on this page' }).check());
  await act(page.getByRole('button', { name: 'Mute 70 selected…' }).click());
  const dialog = page.getByRole('dialog', { name: 'Mute members of 全员大群 All Hands' });
  await act(dialog.getByRole('radio', { name: '1 hour' }).check());
  await expect(dialog.getByText('Mute 70 members of 全员大群 All Hands for 1 hour.', { exact: false })).toBeVisible();
  const startedAt = Date.now();
  await act(dialog.getByRole('button', { name: 'Mute', exact: true }).click());
  await expect(dialog.getByText('70 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  const undo = dialog.getByRole('button', { name: 'Undo' });
  // In view without scrolling, above the 70 rows of the report.
  await expect(undo).toBeInViewport();
  expect(actions).toBeLessThanOrEqual(5);

  const muted = new Map((await emu.mutes(BIG)).map((m) => [m.user, m.expire]));
  for (const name of first) {
    expect(muted.get(name)).toBeGreaterThanOrEqual(startedAt + 3_600_000 - 5_000);
    expect(muted.get(name)).toBeLessThanOrEqual(Date.now() + 3_600_000 + 5_000);
  }

  await act(undo.click());
  expect(actions).toBeLessThanOrEqual(5);
  await expect(dialog.getByText('Result of the undo')).toBeVisible();
  await expect(dialog.getByText('70 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  const after = await emu.mutes(BIG);
  expect(first.filter((n) => after.some((m) => m.user === n))).toEqual([]);
  expect(after.map((m) => m.user).sort()).toEqual(before.map((m) => m.user).sort());
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  const firstRow = roster.getByRole('row').filter({ has: page.getByRole('link', { name: first[0]!, exact: true }) });
  await expect(firstRow).toBeVisible();
  await expect(firstRow).not.toContainText('Muted');
});

test('removing an admin who is whitelisted, muted and has attributes lists all four, and Undo puts all four back', async ({ page, emu }) => {
  const [target] = await freshUsers(emu, 1);
  await emu.addMembers(TRAVEL, [target!]);
  await emu.makeAdmin(TRAVEL, target!);
  await emu.addToWhitelist(TRAVEL, [target!]);
  await emu.mute(TRAVEL, target!, 2 * 3_600_000);
  await emu.setMemberAttributes(TRAVEL, target!, { nickname: 'Tee', role: 'guide' });
  const mutedUntil = (await emu.mutes(TRAVEL)).find((m) => m.user === target)!.expire;

  try {
    await page.goto(`/demo/groups/${TRAVEL}`);
    const roster = page.getByRole('table', { name: 'Members of Travel Buddies' });
    await expect(roster.getByRole('row').filter({ has: page.getByRole('link', { name: target!, exact: true }) })).toContainText('Admin');

    // The row's menu: the relationship check for this member, and the removal.
    await roster.getByRole('button', { name: `Actions for ${target}` }).click();
    await expect(page.getByRole('menuitem', { name: 'Check relationship with another user…' })).toHaveAttribute('href', `/demo/relationship?a=${target}`);
    await page.getByRole('menuitem', { name: 'Remove from the group' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove members from Travel Buddies' });
    await expect(dialog.getByText('What they lose in this group:')).toBeVisible();
    await expect(dialog.getByText(`Admin role (1): ${target}`)).toBeVisible();
    await expect(dialog.getByText(`Whitelist entry (1): ${target}`)).toBeVisible();
    await expect(dialog.getByText(new RegExp(`^Mute \\(1\\): ${target} \\((1 h \\d+|2 h 0) min left\\)$`))).toBeVisible();
    await expect(dialog.getByText(`Attributes (1 member): ${target}: nickname, role`)).toBeVisible();
    await expect(dialog.getByRole('textbox')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(dialog.getByText('1 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
    expect(await rosterOf(emu, TRAVEL)).not.toContain(target);

    const undo = dialog.getByRole('button', { name: 'Undo' });
    await expect(undo).toBeInViewport();
    await undo.click();
    await expect(dialog.getByText('Result of the undo')).toBeVisible();
    await expect(dialog.getByRole('row', { name: new RegExp(`${target} Succeeded Back in the group with: admin role, whitelist entry, mute \\(.+\\), and 2 attributes\\.`) })).toBeVisible();

    // All four are back in the emulator, the mute with the time it had left (not a fresh 2 hours).
    expect(await rosterOf(emu, TRAVEL)).toContain(target);
    expect(await emu.admins(TRAVEL)).toContain(target);
    expect(await emu.whitelist(TRAVEL)).toContain(target);
    const back = (await emu.mutes(TRAVEL)).find((m) => m.user === target);
    expect(Math.abs(back!.expire - mutedUntil)).toBeLessThan(5_000);
    expect(await emu.memberAttributes(TRAVEL, target!)).toEqual({ nickname: 'Tee', role: 'guide' });
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(roster.getByRole('row').filter({ has: page.getByRole('link', { name: target!, exact: true }) })).toContainText('Admin');
  } finally {
    // Unchecked: a failure here must not hide the test's own.
    await emu.send('DELETE', `chatgroups/${TRAVEL}/users/${target}`);
  }
});

test('removing three chosen members takes one confirmation, nothing typed', async ({ page, emu }) => {
  const fresh = await freshUsers(emu, 3);
  await emu.addMembers(TRAVEL, fresh);
  try {
    await page.goto(`/demo/groups/${TRAVEL}`);
    const roster = page.getByRole('table', { name: 'Members of Travel Buddies' });
    for (const name of fresh) await roster.getByRole('checkbox', { name: `Select ${name}` }).check();
    await page.getByRole('button', { name: 'Remove 3 selected' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove members from Travel Buddies' });
    await expect(dialog.getByText('Remove 3 members from Travel Buddies.', { exact: false })).toBeVisible();
    await expect(dialog.getByText(/only their membership/)).toBeVisible();
    await expect(dialog.getByRole('textbox')).toHaveCount(0);
    // The one confirmation.
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(dialog.getByText('3 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
    const after = await rosterOf(emu, TRAVEL);
    expect(fresh.filter((n) => after.includes(n))).toEqual([]);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    for (const name of fresh) await expect(roster.getByRole('link', { name, exact: true })).toHaveCount(0);
  } finally {
    await emu.send('DELETE', `chatgroups/${TRAVEL}/users/${fresh.join(',')}`);
  }
});
