import type { Page } from '@playwright/test';
import { E2E_OPERATORS, PRODUCTION_URL } from '../playwright.config';
import { expectNoAxeViolations } from './support/axe';
import { expect, test, unique } from './support/emulator';
import { signIn as signInOnPage, type Credentials } from './support/session';

test.use({ locale: 'en-US' });

// Ctrl+K from any page: open a group by part of its name; ban a user found by part of the nickname
// and land on the one confirmation, then unban the same way. Every end state is read back from
// the emulator over HTTP.

const palette = (page: Page) => page.getByRole('dialog', { name: 'Go to or do' });

async function openWithCtrlK(page: Page) {
  await page.keyboard.press('Control+K');
  const box = palette(page).getByRole('combobox', { name: 'Users, groups, pages and actions' });
  await expect(box).toBeFocused();
  return box;
}

test('Ctrl+K, part of a group name, Enter: the group opens', async ({ page, emu }) => {
  const tag = unique();
  const name = `Palette Orchard ${tag}`;
  const groupId = await emu.createGroup(name, 'alice', [], 'palette e2e');

  await page.goto('/demo/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  const box = await openWithCtrlK(page);
  // Enter at once: the palette waits for its lookups, then opens the first result.
  await box.fill(`orchard ${tag}`);
  await box.press('Enter');
  await expect(page).toHaveURL(`/demo/groups/${groupId}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(palette(page)).toBeHidden();
});

test('Ctrl+K, "ban" and part of a nickname: the ban confirmation, then the user is banned; unbanned the same way', async ({ page, emu }) => {
  test.setTimeout(180_000);
  expect(await emu.activated('peggy')).toBe(true);

  await page.goto('/demo/groups');
  await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
  const box = await openWithCtrlK(page);
  await box.fill('ban 佩吉');
  // The server builds the user index by itself at start: until it has reached peggy, nothing
  // matches the nickname, and the palette says so and asks again every few seconds.
  const ban = palette(page).getByRole('option', { name: /^Ban peggy, 佩吉/ });
  await expect(ban).toBeVisible({ timeout: 120_000 });
  await expect(ban).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await ban.getAttribute('id'))!);
  await expectNoAxeViolations(page, { include: palette(page) });
  await box.press('Enter');

  // The user page, with its ban confirmation already open (and not asked again on a reload).
  const confirm = page.getByRole('dialog', { name: 'Ban peggy?' });
  await expect(confirm).toBeVisible();
  await expect(page).toHaveURL('/demo/users/peggy');
  await confirm.getByRole('button', { name: 'Ban', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: 'peggy is banned.' })).toBeVisible();
  expect(await emu.activated('peggy')).toBe(false);

  // Unban from the palette too: the banned user is offered Unban, not Ban.
  const again = await openWithCtrlK(page);
  await again.fill('peggy');
  await expect(palette(page).getByRole('option', { name: /^Unban peggy/ })).toBeVisible();
  await expect(palette(page).getByRole('option', { name: /^Ban peggy/ })).toHaveCount(0);
  await again.fill('unban peggy');
  const unban = palette(page).getByRole('option', { name: /^Unban peggy/ });
  await expect(unban).toHaveAttribute('aria-selected', 'true');
  await again.press('Enter');
  const unbanConfirm = page.getByRole('dialog', { name: 'Unban peggy?' });
  await unbanConfirm.getByRole('button', { name: 'Unban', exact: true }).click();
  await expect(unbanConfirm).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: 'peggy is unbanned.' })).toBeVisible();
  expect(await emu.activated('peggy')).toBe(true);
});

test('Ctrl+K, "mute <user> in <group>": the group’s mutes open with the mute dialog holding that user, and the mute is made', async ({ page, emu }) => {
  const tag = unique();
  const member = `palette-m-${tag}`;
  const name = `Palette Quiet ${tag}`;
  await emu.register(member);
  const groupId = await emu.createGroup(name, 'alice', [member], 'palette e2e');

  await page.goto('/demo/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  const box = await openWithCtrlK(page);
  await box.fill(`mute ${member}`);
  // The next step is typed for you: "mute <user> in ", then part of the group's name.
  await palette(page).getByRole('option', { name: `Mute ${member} in a group…` }).click();
  await expect(box).toHaveValue(`mute ${member} in `);
  await box.pressSequentially(`quiet ${tag}`);
  const mute = palette(page).getByRole('option', { name: new RegExp(`^Mute ${member} in ${name}`) });
  await expect(mute).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');

  await expect(page).toHaveURL(new RegExp(`/demo/groups/${groupId}/mutes\\?mute=${member}$`));
  // The dialog of the roster's own "Mute…", with the one member in it: the duration, then Mute.
  const dialog = page.getByRole('dialog', { name: `Mute members of ${name}` });
  await expect(dialog).toContainText('1 selected');
  expect(await emu.mutes(groupId)).toEqual([]);
  await dialog.getByRole('radio', { name: '1 hour' }).check();
  await dialog.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect.poll(async () => (await emu.mutes(groupId)).map((m) => m.user)).toEqual([member]);
  // The report is up (focus moves into it; an Escape while the step changes has no dialog to close).
  await expect(dialog.getByText('1 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  // Closing the dialog leaves the section without the request in its URL.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(`/demo/groups/${groupId}/mutes`);
  await expect(page.getByRole('table', { name: `Muted members of ${name}` }).getByRole('link', { name: member })).toBeVisible();
});

test('the header box opens the palette on a click; pages are there, and Escape gives the focus back', async ({ page }) => {
  await page.goto('/demo/users');
  const trigger = page.getByRole('banner').getByRole('button', { name: 'Go to a user, group, page or action' });
  await trigger.click();
  const box = palette(page).getByRole('combobox');
  await expect(box).toBeFocused();
  await box.fill('relationship');
  await palette(page).getByRole('option', { name: 'Relationship check' }).click();
  await expect(page).toHaveURL('/demo/relationship');
  await expect(page.getByRole('heading', { level: 1, name: 'Relationship check' })).toBeVisible();

  await trigger.click();
  await expect(box).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(trigger).toBeFocused();
});

// `npm start`, where operators sign in: the palette offers only what the role may do.
test.describe('by role, on the console that needs a sign-in', () => {
  test.use({ baseURL: PRODUCTION_URL });

  async function signIn(page: Page, who: Credentials) {
    await page.goto('/demo/users');
    await signInOnPage(page, who);
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  }

  test('a viewer finds users and pages but is offered no change', async ({ page }) => {
    await signIn(page, E2E_OPERATORS.viewer);
    const box = await openWithCtrlK(page);
    await expect(palette(page).getByRole('option', { name: 'Relationship check' })).toBeVisible();
    await expect(palette(page).getByRole('option', { name: 'Register users' })).toHaveCount(0);
    await expect(palette(page).getByRole('option', { name: 'Audit log' })).toHaveCount(0);
    await box.fill('alice');
    await expect(palette(page).getByRole('option', { name: /^alice, Alice 爱丽丝/ }).first()).toBeVisible();
    await expect(palette(page).getByRole('group', { name: 'Actions' })).toHaveCount(0);
    await box.fill('ban alice');
    await expect(palette(page).getByRole('status')).toContainText('Nothing matches “ban alice”.');
  });

  test('support is offered ban and force offline, not group mutes', async ({ page }) => {
    await signIn(page, E2E_OPERATORS.support);
    const box = await openWithCtrlK(page);
    await box.fill('alice');
    const actions = palette(page).getByRole('group', { name: 'Actions' });
    await expect(actions.getByRole('option', { name: /^Ban alice/ })).toBeVisible();
    await expect(actions.getByRole('option', { name: /^Force alice offline/ })).toBeVisible();
    await expect(actions.getByRole('option', { name: /^Mute alice/ })).toHaveCount(0);
  });
});
