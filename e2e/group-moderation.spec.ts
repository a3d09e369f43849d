import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/emulator';

test.use({ locale: 'en-US' });

// Moderators mute, block and whitelist members of a group: the Mutes, Blacklist and Whitelist sections.
// Only the two groups given to this spec are changed: 摄影爱好者 and 篮球队.

const PHOTO = '180000001152019'; // 摄影爱好者, 324 members
const BASKETBALL = '180000002199309'; // 篮球队, 231 members

test('70 pasted members are muted for 1 hour in two calls with a per-user report, and Undo unmutes exactly them', async ({ page, emu }) => {
  const { owner, members } = await emu.roster(PHOTO);
  const alreadyMuted = new Set((await emu.mutes(PHOTO)).map((m) => m.user));
  const chosen = members.filter((m) => !alreadyMuted.has(m)).slice(0, 70);
  expect(chosen).toHaveLength(70);
  const outsider = 'e2e-g2-not-a-member';

  await page.goto(`/demo/groups/${PHOTO}/mutes`);
  await expect(page.getByRole('heading', { level: 1, name: '摄影爱好者' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Muted members of 摄影爱好者' });
  await expect(table.getByRole('row')).toHaveCount(alreadyMuted.size + 1);
  await expectNoAxeViolations(page, { include: 'main' });

  // Per call, the users it answered for (the browser does not expose the streamed request body).
  const muteCalls: Promise<number>[] = [];
  page.on('response', (r) => {
    if (r.request().method() === 'POST' && r.url().endsWith(`/chatgroups/${PHOTO}/mute`)) {
      muteCalls.push(r.json().then((b: { data: unknown[] }) => b.data.length));
    }
  });

  // The duration is chosen in the same dialog, which is also the confirmation (Undo follows).
  await page.getByRole('button', { name: 'Mute members…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Mute members of 摄影爱好者' });
  await expect(dialog.getByText(`The owner, ${owner}, cannot be muted and is left out if listed.`)).toBeVisible();
  // The owner is left out before anything is sent.
  await dialog.getByRole('textbox', { name: 'Names' }).fill([owner, ...chosen, outsider].join('\n'));
  await expect(dialog.getByText('71 names will be sent in 2 calls of at most 60')).toBeVisible();
  await expect(dialog.getByText('Choose how long the mute lasts.')).toBeVisible();
  await dialog.getByRole('radio', { name: '1 hour' }).check();
  await expect(dialog.getByText('Mute 71 members of 摄影爱好者 for 1 hour.', { exact: false })).toBeVisible();
  const startedAt = Date.now();
  await dialog.getByRole('button', { name: 'Mute', exact: true }).click();

  await expect(dialog.getByText('70 succeeded, 1 failed, 0 skipped', { exact: true })).toBeVisible();
  expect((await Promise.all(muteCalls)).sort((a, b) => b - a)).toEqual([60, 11]);
  await expect(dialog.getByRole('row', { name: new RegExp(`${outsider} Failed users \\[${outsider}\\] are not members of this group!`) })).toBeVisible();
  const muted = new Map((await emu.mutes(PHOTO)).map((m) => [m.user, m.expire]));
  for (const name of chosen) {
    expect(muted.get(name)).toBeGreaterThanOrEqual(startedAt + 3_600_000 - 5_000);
    expect(muted.get(name)).toBeLessThanOrEqual(Date.now() + 3_600_000 + 5_000);
  }
  expect(muted.has(owner!)).toBe(false);

  // The report's summary and Undo come before its 71 rows.
  await expect(dialog.getByRole('button', { name: 'Undo' })).toBeInViewport();
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.getByText('Result of the undo')).toBeVisible();
  await expect(dialog.getByText('70 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();

  const after = new Set((await emu.mutes(PHOTO)).map((m) => m.user));
  expect(chosen.filter((n) => after.has(n))).toEqual([]);
  expect([...after].sort()).toEqual([...alreadyMuted].sort());
  await expect(table.getByRole('row')).toHaveCount(alreadyMuted.size + 1);
});

test('a single mute shows its time left and a permanent one is marked; each is unmuted after a confirmation', async ({ page, emu }) => {
  const { members } = await emu.roster(PHOTO);
  const alreadyMuted = new Set((await emu.mutes(PHOTO)).map((m) => m.user));
  const [forADay, forever] = members.filter((m) => !alreadyMuted.has(m)).slice(-2) as [string, string];

  await page.goto(`/demo/groups/${PHOTO}/mutes`);
  const table = page.getByRole('table', { name: 'Muted members of 摄影爱好者' });
  for (const [name, preset] of [
    [forADay, '1 day'],
    [forever, 'Permanently'],
  ] as const) {
    await page.getByRole('button', { name: 'Mute members…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Mute members of 摄影爱好者' });
    await dialog.getByRole('textbox', { name: 'Names' }).fill(name);
    await dialog.getByRole('radio', { name: preset }).check();
    await dialog.getByRole('button', { name: 'Mute', exact: true }).click();
    await expect(dialog.getByText('1 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  }
  await expect(table.getByRole('row', { name: new RegExp(`${forADay} (23 h 59 min|1 d 0 h) left`) })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(`${forever} Permanent Until unmuted`) })).toBeVisible();
  await expect(table.getByRole('link', { name: forever })).toHaveAttribute('href', `/demo/users/${forever}`);

  // A custom duration is checked as it is typed, in the same dialog.
  await page.getByRole('button', { name: 'Mute members…', exact: true }).click();
  const custom = page.getByRole('dialog', { name: 'Mute members of 摄影爱好者' });
  await custom.getByRole('textbox', { name: 'Names' }).fill(forADay);
  await custom.getByRole('radio', { name: 'Custom' }).check();
  await custom.getByRole('textbox', { name: 'Amount' }).fill('1.5');
  await custom.getByRole('textbox', { name: 'Amount' }).blur();
  await expect(custom.getByText('Enter a whole number, such as 90.')).toBeVisible();
  await expect(custom.getByRole('button', { name: 'Mute', exact: true })).toBeDisabled();
  await custom.getByRole('textbox', { name: 'Amount' }).fill('90');
  await custom.getByRole('combobox', { name: 'Unit' }).selectOption('minutes');
  await expect(custom.getByText(`Mute 1 member of 摄影爱好者 for 90 minutes.`, { exact: false })).toBeVisible();
  await custom.getByRole('button', { name: 'Cancel' }).click();

  // One from its row, after a confirmation…
  await table.getByRole('button', { name: `Unmute ${forADay}` }).click();
  const confirm = page.getByRole('dialog', { name: `Unmute ${forADay}?` });
  await confirm.getByRole('button', { name: 'Unmute' }).click();
  await expect(page.getByRole('alert').filter({ hasText: `${forADay} is no longer muted.` })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(forADay) })).toHaveCount(0);
  // …and one chosen in the table: the selection's button shows only once something is chosen.
  await expect(page.getByRole('button', { name: /^Unmute \d+ selected$/ })).toHaveCount(0);
  await table.getByRole('checkbox', { name: `Select ${forever}` }).check();
  await page.getByRole('button', { name: 'Unmute 1 selected' }).click();
  const bulk = page.getByRole('dialog', { name: 'Unmute members of 摄影爱好者' });
  await bulk.getByRole('button', { name: 'Review' }).click();
  await expect(bulk.getByText('Unmute 1 member of 摄影爱好者.')).toBeVisible();
  await bulk.getByRole('button', { name: 'Unmute', exact: true }).click();
  await expect(bulk.getByText('1 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  await bulk.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(table.getByRole('row', { name: new RegExp(forever) })).toHaveCount(0);
});

test('mute everyone shows in the Mutes section and the header, with the whitelist explained, and is lifted again', async ({ page }) => {
  await page.goto(`/demo/groups/${PHOTO}/mutes`);
  const panel = page.getByRole('region', { name: 'Everyone muted' });
  const header = page.getByRole('row', { name: /^Everyone muted/ });
  await expect(panel.getByRole('status')).toHaveText('Off');
  await expect(header).toContainText('No');
  await expect(panel).toContainText('Whitelisted members may still speak while everyone is muted.');
  await expect(panel.getByRole('link', { name: 'See the whitelist' })).toHaveAttribute('href', `/demo/groups/${PHOTO}/whitelist`);

  await panel.getByRole('button', { name: 'Mute everyone' }).click();
  await page.getByRole('dialog', { name: 'Mute everyone in 摄影爱好者?' }).getByRole('button', { name: 'Mute everyone' }).click();
  await expect(panel.getByRole('status')).toHaveText('On: only whitelisted members can speak');
  await expect(header).toContainText('Yes');
  await expectNoAxeViolations(page, { include: [panel, header] });

  await panel.getByRole('button', { name: 'Lift the mute' }).click();
  await page.getByRole('dialog', { name: /^Lift the mute/ }).getByRole('button', { name: 'Lift the mute' }).click();
  await expect(panel.getByRole('status')).toHaveText('Off');
  await expect(header).toContainText('No');
});

test('blocking a member removes them from the group; unblocking does not add them back', async ({ page, emu }) => {
  const { owner, members } = await emu.roster(BASKETBALL);
  const victim = members[1]!;

  await page.goto(`/demo/groups/${BASKETBALL}/blacklist`);
  const blacklist = page.getByRole('table', { name: 'Blacklist of 篮球队' });
  await expect(blacklist.getByRole('row').nth(1)).toBeVisible();
  await expectNoAxeViolations(page, { include: 'main' });
  const before = await page.getByRole('row', { name: /^Members/ }).textContent();

  await page.getByRole('button', { name: 'Block members…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Block members of 篮球队' });
  await dialog.getByRole('textbox', { name: 'Names' }).fill(`${victim}, ${owner}`);
  // The owner is left out.
  await expect(dialog.getByText('1 name will be sent in 1 call of at most 60')).toBeVisible();
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByText(`Block 1 member of 篮球队: they leave the group`, { exact: false })).toBeVisible();
  await dialog.getByRole('button', { name: 'Block', exact: true }).click();
  await expect(dialog.getByText('1 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(blacklist.getByRole('link', { name: victim, exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Members/ })).not.toHaveText(before!);

  await page.getByRole('link', { name: 'Members', exact: true }).click();
  const roster1 = page.getByRole('table', { name: 'Members of 篮球队' });
  await page.goto(`/demo/groups/${BASKETBALL}?pagesize=1000`);
  await expect(roster1.getByRole('row').nth(1)).toContainText(owner!);
  await expect(roster1.getByRole('cell', { name: victim, exact: true })).toHaveCount(0);

  await page.goto(`/demo/groups/${BASKETBALL}/blacklist`);
  await blacklist.getByRole('button', { name: `Unblock ${victim}` }).click();
  const confirm = page.getByRole('dialog', { name: `Unblock ${victim}?` });
  await expect(confirm).toContainText('is not added back to it');
  await confirm.getByRole('button', { name: 'Unblock' }).click();
  await expect(page.getByRole('alert').filter({ hasText: `${victim} is unblocked (not a member again).` })).toBeVisible();
  await expect(blacklist.getByRole('link', { name: victim, exact: true })).toHaveCount(0);
  expect((await emu.roster(BASKETBALL)).members).not.toContain(victim);
});

test('a member blocked from the roster is put back by Undo: unblocked, a member again, with the admin role', async ({ page, emu }) => {
  const { members } = await emu.roster(BASKETBALL);
  const admins = await emu.admins(BASKETBALL);
  const target = members.find((m) => admins.includes(m)) ?? members[2]!;
  const wasAdmin = admins.includes(target);

  await page.goto(`/demo/groups/${BASKETBALL}?pagesize=500`);
  const table = page.getByRole('table', { name: 'Members of 篮球队' });
  await table.getByRole('checkbox', { name: `Select ${target}` }).check();
  await page.getByRole('button', { name: 'Block 1 selected…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Block members of 篮球队' });
  if (wasAdmin) await expect(dialog.getByText(`Admin role (1): ${target}`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Block', exact: true }).click();
  await expect(dialog.getByText('1 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  expect(await emu.groupBlocks(BASKETBALL)).toContain(target);
  expect((await emu.roster(BASKETBALL)).members).not.toContain(target);

  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.getByText('Result of the undo')).toBeVisible();
  await expect(dialog.getByText('1 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  expect(await emu.groupBlocks(BASKETBALL)).not.toContain(target);
  expect((await emu.roster(BASKETBALL)).members).toContain(target);
  expect((await emu.admins(BASKETBALL)).includes(target)).toBe(wasAdmin);
});

test('whitelist: add and remove many, each with Undo', async ({ page, emu }) => {
  const { members } = await emu.roster(BASKETBALL);
  const pair = members.slice(-2);

  await page.goto(`/demo/groups/${BASKETBALL}/whitelist`);
  const whitelist = page.getByRole('table', { name: 'Whitelist of 篮球队' });
  await expect(page.getByText('Nobody is whitelisted')).toBeVisible();
  await expectNoAxeViolations(page, { include: 'main' });

  await page.getByRole('button', { name: 'Add members…' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add to the whitelist of 篮球队' });
  await dialog.getByRole('textbox', { name: 'Names' }).fill(pair.join(' '));
  await dialog.getByRole('button', { name: 'Review' }).click();
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.getByText('2 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  expect(await emu.whitelist(BASKETBALL)).toEqual(pair);
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.getByText('Remove from the whitelist the 2 members this run added.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dialog.getByText('2 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByText('Nobody is whitelisted')).toBeVisible();

  // Again, then remove the selection and undo that.
  await page.getByRole('button', { name: 'Add members…' }).click();
  await dialog.getByRole('textbox', { name: 'Names' }).fill(pair.join(','));
  await dialog.getByRole('button', { name: 'Review' }).click();
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  for (const name of pair) await whitelist.getByRole('checkbox', { name: `Select ${name}` }).check();
  await page.getByRole('button', { name: 'Remove 2 selected' }).click();
  dialog = page.getByRole('dialog', { name: 'Remove from the whitelist of 篮球队' });
  await dialog.getByRole('button', { name: 'Review' }).click();
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dialog.getByText('2 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  expect(await emu.whitelist(BASKETBALL)).toEqual([]);
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.getByText('Result of the undo')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  for (const name of pair) await expect(whitelist.getByRole('link', { name, exact: true })).toBeVisible();

  // Leave the group as it was: one at a time, after a confirmation.
  for (const name of pair) {
    await whitelist.getByRole('button', { name: `Remove ${name} from the whitelist` }).click();
    await page.getByRole('dialog', { name: `Remove ${name} from the whitelist?` }).getByRole('button', { name: 'Remove' }).click();
    await expect(whitelist.getByRole('link', { name, exact: true })).toHaveCount(0);
  }
});
