import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expect, test, type Emulator } from './support/emulator';

test.use({ locale: 'en-US' });

// Product managers read and fix member attributes (seed 002): one member's keys, and one key
// across up to 10 members. Only the group given to this spec is changed: 前端技术交流 2.

const GROUP = '180000003246599'; // 前端技术交流 2, 223 members
const SECTION = `/demo/groups/${GROUP}/attributes`;
// A key of our own per run, so a re-run or another spec never meets its leftovers (≤ 16 bytes).
const KEY = `e2e${Date.now().toString(36).slice(-6)}`;

/** The first `n` members, the owner left out. */
const firstMembers = async (emu: Emulator, n: number) => (await emu.roster(GROUP, { pagesize: n + 1 })).members.slice(0, n);

/** Every attribute write and lookup the page sends, to prove a refusal sent nothing. */
function recordCalls(page: Page) {
  const calls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/metadata/chatgroup/') && r.method() !== 'GET') calls.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  return calls;
}

test('a member’s attributes open from the URL; keys are set in Chinese, limits refused as typed, and deleted after asking', async ({ page, emu }) => {
  const [member] = await firstMembers(emu, 1);
  const calls = recordCalls(page);
  await page.goto(`${SECTION}?member=${member}`);
  const section = page.getByRole('region', { name: 'Member attributes' });
  await expect(section.getByRole('textbox', { name: 'Member', exact: true })).toHaveValue(member!);
  const table = section.getByRole('table', { name: `Attributes of ${member}` });
  // The demo seed gives this member a nickname in the group.
  await expect(table.getByRole('row', { name: /nickname/ })).toContainText('@前端技术');

  const key = section.getByRole('textbox', { name: 'Key', exact: true });
  const value = section.getByRole('textbox', { name: 'Value', exact: true });
  const save = section.getByRole('button', { name: 'Save attribute' });

  // 171 Chinese characters are 513 bytes: refused before sending.
  await key.fill(KEY);
  await expect(section.getByText(`${KEY.length} / 16 bytes`)).toBeVisible();
  await value.fill('中'.repeat(171));
  await expect(section.getByText('513 / 512 bytes')).toBeVisible();
  await expect(section.getByText('Too long: 513 bytes, at most 512. A Chinese character takes 3 bytes.')).toBeVisible();
  await save.click();
  await expect(value).toHaveValue('中'.repeat(171));
  expect(calls).toEqual([]);

  // A Chinese value within the limit is saved and shown.
  await value.fill('前端组长');
  await expect(section.getByText('12 / 512 bytes')).toBeVisible();
  await save.click();
  await expect(page.getByRole('alert').filter({ hasText: `Saved ${KEY} of ${member}.` })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(KEY) })).toContainText('前端组长');
  expect(calls).toEqual([`PUT /im/demo/metadata/chatgroup/${GROUP}/user/${member}`]);
  expect(await emu.memberAttributes(GROUP, member!)).toMatchObject({ [KEY]: '前端组长' });
  await expect(key).toHaveValue('');
  await expectNoAxeViolations(page, { include: section });

  // A key of 6 Chinese characters is 18 bytes: refused before sending.
  await key.fill('前端技术交流');
  await value.fill('x');
  await expect(section.getByText('18 / 16 bytes')).toBeVisible();
  await save.click();
  await expect(section.getByText('Too long: 18 bytes, at most 16. A Chinese character takes 3 bytes.')).toBeVisible();
  expect(calls).toHaveLength(1);

  // Delete asks first, then sends the documented empty value.
  await table.getByRole('button', { name: `Delete ${KEY}` }).click();
  const dialog = page.getByRole('dialog', { name: `Delete the attribute ${KEY}?` });
  await expect(dialog).toContainText(`Removes ${KEY} from ${member} in this group.`);
  expect(calls).toHaveLength(1);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('row', { name: new RegExp(KEY) })).toHaveCount(0);
  expect(calls).toHaveLength(2);
  await expect.poll(async () => Object.keys(await emu.memberAttributes(GROUP, member!))).not.toContain(KEY);
  // Reload: the URL still opens the same member, and the key is gone on the server too.
  await page.reload();
  await expect(table.getByRole('row', { name: /nickname/ })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(KEY) })).toHaveCount(0);
});

test('one key across 10 members is a table, “not set” where absent; 11 members are refused before sending', async ({ page, emu }) => {
  const members = await firstMembers(emu, 11);
  const key = `${KEY}x`;
  // Two of them carry the key, set through the API.
  await emu.setMemberAttributes(GROUP, members[1]!, { [key]: '甲' });
  await emu.setMemberAttributes(GROUP, members[3]!, { [key]: 'beta' });

  const calls = recordCalls(page);
  await page.goto(SECTION);
  const section = page.getByRole('region', { name: 'Member attributes' });
  await section.getByRole('textbox', { name: 'Key to read' }).fill(key);
  const list = section.getByRole('textbox', { name: 'Members', exact: true });
  await list.fill(members.join('\n'));
  await expect(section.getByText('At most 10 members per lookup (this is 11).')).toBeVisible();
  await section.getByRole('button', { name: 'Look up' }).click();
  expect(calls).toEqual([]);

  // Nine pasted, the tenth picked from the roster.
  await list.fill(members.slice(0, 9).join(', '));
  await section.getByRole('combobox', { name: 'Add a member from the roster' }).fill(members[9]!);
  await page.getByRole('option', { name: members[9]!, exact: true }).click();
  await expect(list).toHaveValue(`${members.slice(0, 9).join(', ')}\n${members[9]}`);
  await expect(section.getByText(/10 \/ 10 members/)).toBeVisible();
  await section.getByRole('button', { name: 'Look up' }).click();

  const table = section.getByRole('table', { name: `${key} across members` });
  await expect(table.getByRole('row')).toHaveCount(11);
  expect(calls).toEqual([`POST /im/demo/metadata/chatgroup/${GROUP}/get`]);
  await expect(table.getByRole('row', { name: new RegExp(`^${members[1]!.replace(/[.]/g, '\\.')} `) })).toContainText('甲');
  await expect(table.getByRole('row', { name: new RegExp(`^${members[3]!.replace(/[.]/g, '\\.')} `) })).toContainText('beta');
  await expect(table.getByRole('row', { name: new RegExp(`^${members[0]!.replace(/[.]/g, '\\.')} `) })).toContainText('Not set');
  await expect(table.getByText('Not set')).toHaveCount(8);
  await expectNoAxeViolations(page, { include: section });
});
