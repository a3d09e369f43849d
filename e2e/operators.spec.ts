import { expect, test, type Browser, type Page } from '@playwright/test';
import { E2E_OPERATORS as OPERATORS, PRODUCTION_URL, SSO_URL } from '../playwright.config';
import { expectNoAxeViolations } from './support/axe';
import { unique } from './support/emulator';
import { signIn, signInThroughProvider, type Credentials } from './support/session';

// The Operators page of the console served by `npm start`. Its operators (admin1, viewer1, …) are
// shared with every other spec, which may run at the same time: these tests change only operators
// they add themselves (fresh names, never an admin), and only try, and fail, to change admin1: it
// must stay the one enabled admin for the last-admin rule to hold.

test.use({ locale: 'en-US', baseURL: PRODUCTION_URL });

const ADMIN = OPERATORS.admin;
/** A name no other run or test has used (1–64 of a-z 0-9 . _ @ -). */
const freshName = (what: string) => unique(`e2e-${what}`);

const table = (page: Page) => page.getByRole('table', { name: 'Operators' });
const rowOf = (page: Page, username: string) => table(page).getByRole('row').filter({ has: page.getByText(username, { exact: true }) });

async function openAsAdmin(page: Page) {
  await page.goto('/demo/operators');
  await signIn(page, ADMIN);
  await expect(page.getByRole('heading', { level: 1, name: 'Operators' })).toBeVisible();
  await expect(rowOf(page, ADMIN.username)).toBeVisible();
}

async function menuItem(page: Page, username: string, item: string) {
  await page.getByRole('button', { name: `Actions for ${username}` }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** Adds an operator through the page; returns the one-time password it showed. */
async function addOperator(page: Page, username: string, role: string): Promise<string> {
  await page.getByRole('button', { name: 'Add operator' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an operator' });
  await dialog.getByRole('textbox', { name: 'Username' }).fill(username);
  await dialog.getByRole('combobox', { name: 'Role' }).selectOption({ label: role });
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  const added = page.getByRole('dialog', { name: `${username} is added` });
  await expect(added.getByRole('status')).toContainText('Shown only once');
  const password = await added.getByRole('textbox', { name: `One-time password for ${username}` }).inputValue();
  expect(password.length).toBeGreaterThanOrEqual(20);
  await added.getByRole('button', { name: 'Done' }).click();
  await expect(added).toBeHidden();
  return password;
}

/** The operator, signed in in a browser of their own (a second context: other cookies). */
async function signedInElsewhere(browser: Browser, who: Credentials) {
  const context = await browser.newContext({ locale: 'en-US', baseURL: PRODUCTION_URL });
  const page = await context.newPage();
  await page.goto('/demo/users');
  await signIn(page, who);
  return { context, page };
}

async function confirm(page: Page, title: string, button: string) {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('an admin adds an operator, sees the password once, and the operator signs in with it', async ({ page, browser }) => {
  await openAsAdmin(page);
  const username = freshName('add');
  await page.getByRole('button', { name: 'Add operator' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an operator' });
  // Checked before anything is sent.
  await dialog.getByRole('textbox', { name: 'Username' }).fill('-not a name');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.getByText('Use 1–64 of a–z, 0–9 and . _ @ -, starting with a letter or digit')).toBeVisible();
  // A name that exists: the server's words.
  await dialog.getByRole('textbox', { name: 'Username' }).fill(OPERATORS.viewer.username);
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText(`operator "${OPERATORS.viewer.username}" already exists`);
  await expectNoAxeViolations(page, { include: dialog });
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const password = await addOperator(page, username, 'Support');
  const row = rowOf(page, username);
  await expect(row).toContainText('Support');
  await expect(row).toContainText('Never');
  await expect(row).toContainText('Active');

  const other = await signedInElsewhere(browser, { username, password });
  await expect(other.page.getByRole('group', { name: `Signed in as ${username}` })).toContainText('Support');
  await other.context.close();

  // The list is read again when opened: the sign-in shows.
  await page.reload();
  await expect(rowOf(page, username)).not.toContainText('Never');
});

test('an admin changes a role, disables (the open session ends at its next request), enables, and ends sessions', async ({ page, browser }) => {
  await openAsAdmin(page);
  const username = freshName('life');
  const password = await addOperator(page, username, 'Viewer');
  const other = await signedInElsewhere(browser, { username, password });
  const row = rowOf(page, username);

  // Role: applies at their next request.
  await menuItem(page, username, 'Change role…');
  const roleDialog = page.getByRole('dialog', { name: `Change the role of ${username}` });
  await roleDialog.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Support' });
  await roleDialog.getByRole('button', { name: 'Save' }).click();
  await expect(roleDialog).toBeHidden();
  await expect(row).toContainText('Support');
  await other.page.reload();
  await expect(other.page.getByRole('group', { name: `Signed in as ${username}` })).toContainText('Support');

  // Disable: their open page is signed out as soon as it asks the server anything.
  await menuItem(page, username, 'Disable…');
  await confirm(page, `Disable ${username}?`, 'Disable');
  await expect(row).toContainText('Disabled');
  await other.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Groups' }).click();
  await expect(other.page.getByText('Your session has ended. Sign in again to carry on where you were.')).toBeVisible();

  // Enable: they can sign in again.
  await menuItem(page, username, 'Enable');
  await expect(row).toContainText('Active');
  await signIn(other.page, { username, password });

  // End sessions: signed out again at the next request, the account stays enabled.
  await menuItem(page, username, 'End sessions…');
  await confirm(page, `End the sessions of ${username}?`, 'End sessions');
  await other.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users' }).click();
  await expect(other.page.getByText('Your session has ended. Sign in again to carry on where you were.')).toBeVisible();
  await expect(row).toContainText('Active');
  await other.context.close();
});

test('the only enabled admin can be neither disabled nor demoted: the server’s reason is shown and nothing changes', async ({ page }) => {
  await openAsAdmin(page);
  const own = rowOf(page, ADMIN.username);
  await expect(own).toContainText('you');
  const reason = `${ADMIN.username} is the last enabled admin: make another admin first.`;

  await menuItem(page, ADMIN.username, 'Disable…');
  const disable = page.getByRole('dialog', { name: `Disable ${ADMIN.username}?` });
  await expect(disable).toContainText('This is your own account: you will be signed out too.');
  await disable.getByRole('button', { name: 'Disable', exact: true }).click();
  await expect(disable.getByRole('alert')).toContainText(reason);
  await disable.getByRole('button', { name: 'Cancel' }).click();
  await expect(disable).toBeHidden();

  await menuItem(page, ADMIN.username, 'Change role…');
  const role = page.getByRole('dialog', { name: `Change the role of ${ADMIN.username}` });
  await role.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Viewer' });
  await role.getByRole('button', { name: 'Save' }).click();
  await expect(role.getByRole('alert')).toContainText(reason);
  await role.getByRole('button', { name: 'Cancel' }).click();
  await expect(role).toBeHidden();

  // Read again from the server: still an enabled admin, still signed in.
  await page.reload();
  await expect(rowOf(page, ADMIN.username)).toContainText('Admin');
  await expect(rowOf(page, ADMIN.username)).toContainText('Active');
  await expect(page.getByRole('group', { name: `Signed in as ${ADMIN.username}` })).toContainText('Admin');
});

test('a non-admin has no Operators link, and the page says it is for admins', async ({ page }) => {
  await page.goto('/demo/operators');
  await signIn(page, OPERATORS.viewer);
  await expect(page.getByRole('heading', { level: 1, name: 'Operators' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Only admins can manage operators.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Operators' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Operators' })).toHaveCount(0);
});

test('axe finds no violations on the page, its menu and a confirmation, in English and in Chinese', async ({ page }) => {
  await page.goto('/demo/users');
  await signIn(page, ADMIN);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Operators' }).click();
  await expect(rowOf(page, ADMIN.username)).toBeVisible();
  await expectNoAxeViolations(page, { include: 'main' });
  await page.getByRole('button', { name: `Actions for ${ADMIN.username}` }).click();
  await expect(page.getByRole('menuitem').first()).toBeVisible();
  await expectNoAxeViolations(page, { include: page.getByRole('menu') });
  await page.getByRole('menuitem', { name: 'End sessions…' }).click();
  const dialog = page.getByRole('dialog', { name: `End the sessions of ${ADMIN.username}?` });
  await expect(dialog.getByRole('button', { name: 'End sessions' })).toBeVisible();
  await expectNoAxeViolations(page, { include: dialog });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '操作员' })).toBeVisible();
  const zhTable = page.getByRole('table', { name: '操作员' });
  await expect(zhTable.getByRole('row').filter({ hasText: ADMIN.username })).toContainText('管理员');
  await expectNoAxeViolations(page, { include: 'main' });
  await page.getByRole('button', { name: `${ADMIN.username} 的操作` }).click();
  await page.getByRole('menuitem', { name: '停用…' }).click();
  const zhDialog = page.getByRole('dialog', { name: `停用 ${ADMIN.username}？` });
  await expect(zhDialog).toContainText('这是你自己的账号');
  await expectNoAxeViolations(page, { include: zhDialog });
  await zhDialog.getByRole('button', { name: '取消' }).click();
  await expect(zhDialog).toBeHidden();
});

test.describe('on the console with single sign-on', () => {
  test.use({ baseURL: SSO_URL });

  // Only sso-admin signs in here: single-sign-on.spec.ts reads that sign-in as the audit log's
  // newest row, and another sign-in of the same account keeps that true if both run at once.
  test('an operator who signs in through the provider has a read-only role and neither password nor second factor here', async ({ page }) => {
    await page.goto('/demo/operators');
    await signInThroughProvider(page, 'sso-admin');
    await expect(page).toHaveURL(`${SSO_URL}/demo/operators`);
    const row = rowOf(page, 'sso-admin');
    await expect(row).toContainText('you');
    await expect(row).toContainText('Admin');
    await expect(row).toContainText('Role comes from the identity provider');
    await expect(row).toContainText('SSO');
    await page.getByRole('button', { name: 'Actions for sso-admin' }).click();
    await expect(page.getByRole('menuitem')).toHaveText(['Disable…', 'End sessions…']);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toBeHidden();
  });
});
