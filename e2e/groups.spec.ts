import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.use({ locale: 'en-US' });

test('the groups list pages with a cursor kept in the URL, so reload and Back restore the page', async ({ page }) => {
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

  // 60 groups at 50 a page: the second page is the last.
  await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('50');
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(table.getByRole('row')).toHaveCount(11);
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

test('removing members in bulk asks for the group ID, reports per user, and refreshes the roster', async ({ page }) => {
  await page.goto('/demo/groups');
  const groups = page.getByRole('table', { name: 'Groups' });
  await groups.getByRole('link', { name: 'Weekend Hikers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Weekend Hikers' })).toBeVisible();
  const groupId = page.url().split('/').at(-1)!.split('?')[0]!;
  const roster = page.getByRole('table', { name: /^Members of/ });
  const owner = (await roster.getByRole('row').nth(1).getByRole('cell').nth(1).textContent())!;
  const victim = (await roster.getByRole('row').nth(2).getByRole('cell').nth(1).textContent())!;
  const before = await page.getByRole('row', { name: /^Members/ }).textContent();

  // The owner cannot be selected; pasted, it is refused by the API with its reason.
  await page.getByRole('button', { name: 'Remove members…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove members from Weekend Hikers' });
  await dialog.getByRole('textbox', { name: 'Names' }).fill(`${owner}\n${victim}`);
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByText('Remove 2 members from Weekend Hikers.', { exact: false })).toBeVisible();
  const confirm = dialog.getByRole('button', { name: 'Remove' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox', { name: `Type ${groupId} to confirm` }).fill(groupId);
  await confirm.click();

  await expect(dialog.getByText('1 succeeded, 1 failed, 0 skipped', { exact: true })).toBeVisible();
  await expect(dialog.getByRole('row', { name: new RegExp(`${owner} Failed forbidden operation on group owner!`) })).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(roster.getByRole('cell', { name: victim, exact: true })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /^Members/ })).not.toHaveText(before!);
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
