import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expect, test, unique } from './support/emulator';

test.use({ locale: 'en-US' });

// Customer support fixes one account: the user page, its sections and its actions.

const row = (page: Page, label: string) => page.getByRole('table', { name: /^Profile of/ }).getByRole('row', { name: new RegExp(`^${label}`) });
const actions = (page: Page) => page.getByRole('group', { name: 'Account actions' });

test('a banned user is unbanned after a confirmation, and banning again is offered', async ({ page }) => {
  await page.goto('/demo/users/mallory');
  await expect(page.getByRole('heading', { level: 1, name: 'mallory' })).toBeVisible();
  await expect(page.getByText('Banned', { exact: true })).toBeVisible();
  await expect(actions(page).getByRole('button', { name: 'Ban', exact: true })).toHaveCount(0);

  await actions(page).getByRole('button', { name: 'Unban' }).click();
  const dialog = page.getByRole('dialog', { name: 'Unban mallory?' });
  await expect(dialog).toContainText('mallory will be able to log in again.');
  await dialog.getByRole('button', { name: 'Unban' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: 'mallory is unbanned.' })).toBeVisible();
  await expect(page.getByText('Active', { exact: true })).toBeVisible();
  await expect(row(page, 'Activated')).toContainText('Yes');

  // Put the demo fixture back as it was, through the same page.
  await actions(page).getByRole('button', { name: 'Ban', exact: true }).click();
  const banDialog = page.getByRole('dialog', { name: 'Ban mallory?' });
  await banDialog.getByRole('button', { name: 'Ban' }).click();
  await expect(page.getByText('Banned', { exact: true })).toBeVisible();
  await expect(actions(page).getByRole('button', { name: 'Unban' })).toBeVisible();
});

test('an online user is forced offline', async ({ page, emu }) => {
  // Generated demo users (past the named fixtures) that are online now; alice is left to other tasks.
  const names = (await emu.users({ limit: 100 })).entities.map((u) => u.username).slice(10);
  const online = Object.entries(await emu.statuses(names)).filter(([, s]) => s === 'online');
  expect(online.length).toBeGreaterThan(0);
  const [username] = online.at(-1)!;

  await page.goto(`/demo/users/${encodeURIComponent(username)}`);
  await expect(row(page, 'Presence')).toContainText('Online');
  await actions(page).getByRole('button', { name: 'Force offline' }).click();
  const dialog = page.getByRole('dialog', { name: `Force ${username} offline?` });
  await dialog.getByRole('button', { name: 'Force offline' }).click();
  await expect(page.getByRole('alert').filter({ hasText: `${username} was forced offline.` })).toBeVisible();
  await expect(row(page, 'Presence')).toContainText('Offline');

  expect(await emu.status(username)).toEqual({ [username]: 'offline' });
});

test('a password is reset after typing it twice, and only the new one logs in', async ({ page, emu }) => {
  const newPassword = `e2e-${Date.now().toString(36)}-Ω`;
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));

  await page.goto('/demo/users/trent');
  await actions(page).getByRole('button', { name: 'Reset password' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset the password of trent' });
  const password = dialog.getByLabel('New password', { exact: false }).first();
  const repeat = dialog.getByLabel('Repeat the new password', { exact: false });
  await expect(password).toHaveAttribute('type', 'password');
  await password.fill(newPassword);
  await repeat.fill(`${newPassword}x`);
  await dialog.getByRole('button', { name: 'Reset password' }).click();
  await expect(dialog.getByText('The two passwords differ.')).toBeVisible();
  expect(urls.filter((u) => u.includes('/password'))).toEqual([]);

  await repeat.fill(newPassword);
  await dialog.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The password of trent was reset.' })).toBeVisible();
  await expect(dialog).toBeHidden();
  // Never in a URL.
  expect(urls.filter((u) => decodeURIComponent(u).includes(newPassword))).toEqual([]);

  const ok = await emu.passwordGrant('trent', newPassword);
  expect(ok.status()).toBe(200);
  expect(((await ok.json()) as { access_token?: string }).access_token).toBeTruthy();
  expect((await emu.passwordGrant('trent', 'demo-password')).status()).toBe(400);

  // Opened again, the form is empty.
  await actions(page).getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByRole('dialog', { name: 'Reset the password of trent' }).getByLabel('New password', { exact: false }).first()).toHaveValue('');
});

test('do-not-disturb hours: a bad hour is refused before sending, a good one is saved and shown', async ({ page }) => {
  const puts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PUT') puts.push(r.url());
  });
  await page.goto('/demo/users/peggy');
  await actions(page).getByRole('button', { name: 'Push settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Push settings of peggy' });
  await dialog.getByRole('switch', { name: 'Do not disturb' }).check();
  const start = dialog.getByRole('textbox', { name: /^From \(hour\)/ });
  const end = dialog.getByRole('textbox', { name: /^Until \(hour\)/ });
  await start.fill('24');
  await end.fill('7');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Enter a whole hour from 0 to 23.')).toBeVisible();
  await expect(start).toHaveAttribute('aria-invalid', 'true');
  expect(puts).toEqual([]);

  await start.fill('21');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: 'Push settings of peggy saved.' }).first()).toBeVisible();
  await expect(row(page, 'Do not disturb')).toContainText('On, 21:00–7:00');
  expect(puts).toHaveLength(1);
});

test('deleting a user lists the groups they own, asks for the name, and the user is gone', async ({ page, emu }) => {
  const username = unique('e2e-del');
  const groupname = `Owned by ${username}`;
  await emu.register(username);
  const groupId = await emu.createGroup(groupname, username);

  await page.goto(`/demo/users/${username}`);
  await actions(page).getByRole('button', { name: 'Delete user' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete ${username}` });
  await expect(dialog.getByText(`${username} owns 1 group, which will be deleted too:`)).toBeVisible();
  await expect(dialog.getByRole('listitem')).toContainText(groupname);
  const confirm = dialog.getByRole('button', { name: 'Delete', exact: true });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox', { name: `Type ${username} to confirm` }).fill(username);
  await expect(confirm).toBeEnabled();
  await expectNoAxeViolations(page, { include: dialog });
  await confirm.click();

  await expect(page).toHaveURL(/\/demo\/users(\?.*)?$/);
  await expect(page.getByRole('alert').filter({ hasText: `${username} was deleted.` })).toBeVisible();
  await page.goto(`/demo/users/${username}`);
  await expect(page.getByText(`There is no user called “${username}” in this app.`)).toBeVisible();
  await emu.call('GET', `users/${username}`, undefined, 404);
  await emu.call('GET', `chatgroups/${groupId}`, undefined, 404);
});

test('a section is in the URL: a deep link and reload show it, and the tabs work from the keyboard', async ({ page }) => {
  await page.goto('/demo/users/alice/groups?pagesize=1');
  const nav = page.getByRole('navigation', { name: 'Sections of alice' });
  await expect(nav.getByRole('link', { name: 'Groups' })).toHaveAttribute('aria-current', 'page');
  const table = page.getByRole('table', { name: 'Groups of alice' });
  await expect(table.getByRole('row')).toHaveCount(2);
  const first = await table.getByRole('row').nth(1).textContent();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/pagenum=2/);
  // Page 1's row stays shown until page 2's answer is in: read the row once it has changed.
  await expect(table.getByRole('row').nth(1)).not.toHaveText(first!);
  const second = await table.getByRole('row').nth(1).textContent();
  await page.reload();
  await expect(nav.getByRole('link', { name: 'Groups' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('Page 2', { exact: false })).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toHaveText(second!);

  // Keyboard: focus the Profile tab and open it with Enter.
  await nav.getByRole('link', { name: 'Profile' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/demo\/users\/alice$/);
  await expect(nav.getByRole('link', { name: 'Profile' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Groups' })).not.toHaveAttribute('aria-current', 'page');
  await expect(row(page, 'UUID')).toBeVisible();
  await expect(row(page, 'Offline messages waiting')).toContainText(/\d+ messages?/);
  // What the keyboard changed: the tabs and the profile (the whole page is accessibility.spec.ts's).
  await expectNoAxeViolations(page, { include: [nav, page.getByRole('table', { name: /^Profile of/ })] });
  await page.goBack();
  await expect(table).toBeVisible();

  await table.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/demo\/groups\/\d+/);
});

test('names with / ? # % , or non-ASCII characters stay one name in the URL', async ({ page }) => {
  for (const name of ['a/b', 'a?b', 'a#b', '100%', 'a,b', '张三']) {
    await page.goto(`/demo/users/${encodeURIComponent(name)}`);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText(`There is no user called “${name}” in this app.`)).toBeVisible();
  }
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the profile reads in Chinese, and the offline message lookup answers in words', async ({ page }) => {
    await page.goto('/demo/users/alice');
    await expect(page.getByRole('navigation', { name: 'alice 的分区' }).getByRole('link', { name: '资料' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('table', { name: 'alice 的资料' }).getByRole('row', { name: /^推送昵称/ })).toBeVisible();
    await expect(page.getByRole('group', { name: '账号操作' }).getByRole('button', { name: '强制下线' })).toBeVisible();
    await page.getByRole('textbox', { name: '消息 ID' }).fill('no-such-message');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByText('消息 no-such-message 已投递。')).toBeVisible();
    await page.getByRole('navigation', { name: 'alice 的分区' }).getByRole('link', { name: '好友' }).click();
    await expect(page.getByRole('table', { name: 'alice 的好友' })).toBeVisible();
  });
});
