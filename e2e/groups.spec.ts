import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/emulator';

test.use({ locale: 'en-US' });

test('the groups list pages with a cursor kept in the URL, so reload and Back restore the page', async ({ page, emu }) => {
  await page.goto('/demo/groups?limit=10');
  const table = page.getByRole('table', { name: 'Groups' });
  await expect(table.getByRole('row')).toHaveCount(11);
  await expect(table.getByRole('link', { name: '全员大群 All Hands' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Previous page' })).toBeDisabled();

  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Page 2')).toBeVisible();
  await expect(table.getByRole('link', { name: '全员大群 All Hands' })).toHaveCount(0);
  const secondPageFirst = await table.getByRole('row').nth(1).textContent();
  await page.reload();
  await expect(page.getByText('Page 2')).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toHaveText(secondPageFirst!);

  await page.goBack();
  await expect(page.getByText('Page 1')).toBeVisible();
  await expect(table.getByRole('link', { name: '全员大群 All Hands' })).toBeVisible();

  // 60 demo groups (and any another spec made) at 50 a page: the second page is the last.
  const total = await emu.groupCount();
  expect(total).toBeGreaterThan(50);
  expect(total).toBeLessThanOrEqual(100);
  await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('50');
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(table.getByRole('row')).toHaveCount(total - 50 + 1);
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
});

test('a 3,000-member roster pages by number, 1,000 rows at a time, virtualised', async ({ page }) => {
  await page.goto('/demo/groups/180000000104729?pagesize=1000');
  const table = page.getByRole('table', { name: 'Members of 全员大群 All Hands' });
  await expect(table).toHaveAttribute('aria-rowcount', '1001');
  expect(await table.getByRole('row').count()).toBeLessThan(100);
  await expect(table.getByRole('row').nth(1)).toContainText('grace');
  await expect(page.getByText('Page 1 of 3 · rows 1–1000')).toBeVisible();
  await page.getByRole('button', { name: 'Next page' }).click();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Page 3 of 3 · rows 2001–3000')).toBeVisible();
  // The member count is known: the third full page is the last.
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
  await page.goto('/demo/groups/180000000104729?pagesize=1000&pagenum=4');
  await expect(page.getByText('No members on this page')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
});

test('removing members in bulk leaves the owner out, reports per user, and refreshes the roster', async ({ page, emu }) => {
  await page.goto('/demo/groups');
  const groups = page.getByRole('table', { name: 'Groups' });
  await groups.getByRole('link', { name: 'Weekend Hikers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Weekend Hikers' })).toBeVisible();
  const groupId = new URL(page.url()).pathname.split('/').pop()!;
  const roster = page.getByRole('table', { name: /^Members of/ });
  const owner = (await roster.getByRole('row').nth(1).getByRole('cell').nth(1).textContent())!;
  const victim = (await roster.getByRole('row').nth(2).getByRole('cell').nth(1).textContent())!;
  const before = await page.getByRole('row', { name: /^Members/ }).textContent();

  // The owner cannot be selected; pasted, it is left out before anything is sent.
  await page.getByRole('button', { name: 'Remove members…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove members from Weekend Hikers' });
  await dialog.getByRole('textbox', { name: 'Names' }).fill(`${owner}\n${victim}`);
  await expect(dialog.getByText(`The owner, ${owner}, cannot be removed and is left out if listed.`)).toBeVisible();
  await expect(dialog.getByText('1 name will be sent in 1 call of at most 60')).toBeVisible();
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByText('Remove 1 member from Weekend Hikers.', { exact: false })).toBeVisible();
  // A small removal with Undo: one confirmation, nothing typed (more than 20 would ask for the group ID).
  await expect(dialog.getByRole('textbox')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Remove' }).click();

  await expect(dialog.getByText('1 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, { include: dialog });
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(roster.getByRole('cell', { name: victim, exact: true })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /^Members/ })).not.toHaveText(before!);
  expect((await emu.roster(groupId)).everyone).not.toContain(victim);
});

test('mute-all asks first, notifies, and the group shows the new state', async ({ page }) => {
  await page.goto('/demo-agora/groups/180000000628374');
  const row = page.getByRole('row', { name: /^Everyone muted/ });
  await expect(row).toContainText('No');
  await row.getByRole('button', { name: 'Mute everyone' }).click();
  const dialog = page.getByRole('dialog', { name: /^Mute everyone in/ });
  await expect(dialog).toContainText('only members on the group’s whitelist can send messages');
  await dialog.getByRole('button', { name: 'Mute everyone' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: 'Everyone is muted.' })).toBeVisible();
  await expect(row).toContainText('Yes');

  await row.getByRole('button', { name: 'Lift the mute' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Lift the mute' }).click();
  await expect(row).toContainText('No');
});
