import { expectNoAxeViolations } from './support/axe';
import { expect, test, unique } from './support/emulator';

test.use({ locale: 'en-US' });

// "Why can't these two talk?" under both path schemes: `demo` is the Easemob scheme (/{org}/{app}),
// `demo-agora` the Agora Chat one (/app-id/{id}); both reach one database. Each run sets up its own
// two users and their group, so it touches nobody else's data.

const APPS = ['demo', 'demo-agora'] as const;

for (const app of APPS) {
  test(`on ${app}: a ban, a block and a mute stop two users; the block is fixed in one click`, async ({ page, emu }) => {
    const a = unique('e2e-f2-a');
    const b = unique('e2e-f2-b');
    const groupName = unique('e2e-f2-group');
    await emu.register([a, b]);
    const groupId = await emu.createGroup(groupName, a, [b], 'relationship e2e');
    await emu.block(a, b);
    await emu.mute(groupId, b, 60 * 60 * 1000);
    await emu.ban(a);

    // From A's user page: the first name is filled in, the second is where typing goes.
    await page.goto(`/${app}/users/${a}`);
    await page.getByRole('link', { name: 'Check with another user…' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Relationship check' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'First user' })).toHaveValue(a);
    const second = page.getByRole('textbox', { name: 'Second user' });
    await expect(second).toBeFocused();

    // Checked before anything is asked of the API; what was typed stays.
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(page.getByText('Enter a username.')).toBeVisible();
    await second.fill(a.toUpperCase());
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(page.getByText('Enter a different user than the first one.')).toBeVisible();
    await expect(second).toHaveValue(a.toUpperCase());
    expect(page.url()).not.toContain('b=');

    await second.fill(b);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${app}/relationship\\?a=${a}&b=${b}$`));

    const summary = page.getByRole('status').filter({ hasText: /stop/ });
    await expect(summary).toHaveText('3 things stop them.');
    const line = (text: string | RegExp) => page.getByRole('listitem').filter({ hasText: text });
    const banned = line(`${a} is banned`);
    const blocked = line(`${a} has blocked ${b}`);
    const muted = line(`${b} is muted in this group`);
    await expect(banned).toContainText('Stops them');
    await expect(blocked).toContainText('Stops them');
    await expect(muted).toContainText(/\(1 h 0 min left\)|\(59 min left\)/);
    await expect(line(`${b} has not blocked ${a}.`)).toContainText('OK');
    await expect(line(`${a} does not have ${b} as a friend`)).toContainText('Note');
    await expect(page.getByText('They are both in 1 group.')).toBeVisible();
    // Names and the group lead to their pages.
    await expect(page.getByRole('heading', { level: 3, name: groupName })).toBeVisible();
    await expect(page.getByRole('link', { name: groupName })).toHaveAttribute('href', `/${app}/groups/${groupId}`);
    await expect(blocked.getByRole('link', { name: b, exact: true }).first()).toHaveAttribute('href', `/${app}/users/${b}`);
    // The form and its report (the shell around them is accessibility.spec.ts's).
    await expectNoAxeViolations(page, { include: 'main' });

    // A deep link survives a reload.
    await page.reload();
    await expect(summary).toHaveText('3 things stop them.');

    // The block: one click, a confirmation, and the finding is gone; the others stay.
    await blocked.getByRole('button', { name: 'Unblock…' }).click();
    const dialog = page.getByRole('dialog', { name: `Unblock ${b} for ${a}?` });
    await expect(dialog).toContainText(`${a} will receive messages from ${b} again.`);
    await dialog.getByRole('button', { name: 'Unblock', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('alert').filter({ hasText: `${a} no longer blocks ${b}.` })).toBeVisible();
    await expect(blocked).toHaveCount(0);
    await expect(line(`${a} has not blocked ${b}.`)).toContainText('OK');
    await expect(summary).toHaveText('2 things stop them.');
    await expect(banned.getByRole('button', { name: 'Unban…' })).toBeVisible();
    await expect(muted.getByRole('button', { name: 'Unmute…' })).toBeVisible();
    expect(await emu.blocks(a)).toEqual([]);
    // What the fix changed: the summary, and the blacklists' section.
    await expectNoAxeViolations(page, { include: [summary, page.locator('section').filter({ has: line(`${a} has not blocked ${b}.`) })] });
  });
}

test('a mute and a group blacklist are lifted from the page, until nothing stops them', async ({ page, emu }) => {
  const a = unique('e2e-f2-a');
  const b = unique('e2e-f2-b');
  const shared = unique('e2e-f2-shared');
  const left = unique('e2e-f2-left');
  await emu.register([a, b]);
  const sharedId = await emu.createGroup(shared, a, [b], 'relationship e2e');
  const leftId = await emu.createGroup(left, a, [b], 'relationship e2e');
  await emu.mute(sharedId, b, -1);
  // Blocking B from a group removes B from it: only A is in it now.
  await emu.groupBlock(leftId, b);

  await page.goto(`/demo/relationship?a=${a}&b=${b}`);
  const summary = page.getByRole('status').filter({ hasText: /stop/ });
  await expect(summary).toHaveText('2 things stop them.');
  const muted = page.getByRole('listitem').filter({ hasText: `${b} is muted in this group until unmuted.` });
  const blacklisted = page.getByRole('listitem').filter({ hasText: `${b} is on the blacklist of ${left}, a group ${a} is in` });
  await expect(blacklisted.getByRole('link', { name: left })).toHaveAttribute('href', `/demo/groups/${leftId}`);

  await muted.getByRole('button', { name: 'Unmute…' }).click();
  await page.getByRole('dialog', { name: `Unmute ${b} in ${shared}?` }).getByRole('button', { name: 'Unmute', exact: true }).click();
  await expect(muted).toHaveCount(0);
  await expect(summary).toHaveText('1 thing stops them.');

  await blacklisted.getByRole('button', { name: 'Unblock from group…' }).click();
  const dialog = page.getByRole('dialog', { name: `Unblock ${b} from ${left}?` });
  await expect(dialog).toContainText('is not added back');
  await dialog.getByRole('button', { name: 'Unblock', exact: true }).click();
  await expect(blacklisted).toHaveCount(0);
  await expect(summary).toHaveText('Nothing stops them.');
  await expect(page.getByText('Neither is on the blacklist of the 1 group only the other one is in.')).toBeVisible();
  await expect(page.getByText('Both can speak in this group.')).toBeVisible();
  expect(await emu.mutes(sharedId)).toEqual([]);
  expect(await emu.groupBlocks(leftId)).toEqual([]);
});

test('the navigation opens the check, under its own title, for any two users', async ({ page }) => {
  await page.goto('/demo/groups');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Relationship check' }).click();
  await expect(page).toHaveURL('/demo/relationship');
  await expect(page.getByRole('heading', { level: 1, name: 'Relationship check' })).toBeVisible();
  await expect(page).toHaveTitle('Relationship check · IM Admin Console');
  await expect(nav.getByRole('link', { name: 'Relationship check' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('textbox', { name: 'First user' }).fill('alice');
  await page.getByRole('textbox', { name: 'Second user' }).fill('bob');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page).toHaveURL('/demo/relationship?a=alice&b=bob');
  await expect(page.getByRole('status').filter({ hasText: /stop/ })).toBeVisible();
  await expectNoAxeViolations(page, { include: 'main' });
});

test('a user who does not exist is said so, and the checks about them are not run', async ({ page }) => {
  const ghost = unique('e2e-f2-ghost');
  await page.goto(`/demo/relationship?a=alice&b=${ghost}`);
  await expect(page.getByRole('status').filter({ hasText: /stop/ })).toHaveText('1 thing stops them.');
  await expect(page.getByRole('listitem').filter({ hasText: `${ghost} does not exist in this app.` })).toContainText('Stops them');
  await expect(page.getByRole('listitem').filter({ hasText: 'alice exists and is active.' })).toBeVisible();
  await expect(page.getByText('Not checked: one of the users does not exist.')).toHaveCount(5);
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });
  test('the check, its findings and its fixes read in Chinese', async ({ page }) => {
    await page.goto('/demo/relationship?a=alice&b=mallory');
    await expect(page.getByRole('heading', { level: 1, name: '关系检查' })).toBeVisible();
    await expect(page).toHaveTitle('关系检查 · IM 管理控制台');
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '关系检查' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('status').filter({ hasText: '阻碍' })).toHaveText(/^有 \d+ 项阻碍。$/);
    const banned = page.getByRole('listitem').filter({ hasText: 'mallory 已被封禁' });
    await expect(banned).toContainText('阻碍');
    await expect(banned.getByRole('button', { name: '解封…' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'alice 存在且状态正常。' })).toBeVisible();
  });
});
