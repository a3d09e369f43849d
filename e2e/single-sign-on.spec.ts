import { expect, test } from '@playwright/test';
import { OIDC_ISSUER, OIDC_LABEL, SSO_URL } from '../playwright.config';
import { expectNoAxeViolations } from './support/axe';
import { signInThroughProvider, throughProvider } from './support/session';

// Single sign-on against `npm start` configured for a real OpenID provider (oidc-provider, started
// by playwright.config.ts with accounts in different groups: `im-admins` → admin,
// `im-moderators` → moderator, anything else → no role). The provider's sign-in page is its
// development one: the account's name and any password.

test.use({ baseURL: SSO_URL, locale: 'en-US' });

test('an admin signs in through the provider, lands on the page asked for, and reaches the audit log', async ({ page }) => {
  await page.goto('/demo/audit');
  await expect(page.getByRole('heading', { name: 'Sign in to the IM Admin Console' })).toBeVisible();
  // Both ways in: the provider's button and the password form.
  await expect(page.getByRole('textbox', { name: 'Username' })).toBeVisible();
  await expectNoAxeViolations(page);

  await signInThroughProvider(page, 'sso-admin');
  await expect(page).toHaveURL(`${SSO_URL}/demo/audit`);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Signed in as sso-admin' })).toContainText('Admin');
  // This very sign-in is the log's newest row, marked as single sign-on.
  const log = page.getByRole('table', { name: 'Audit log' });
  await expect(log.getByRole('row').nth(1)).toContainText('Signed in');
  await expect(log.getByRole('row').nth(1)).toContainText('sso-admin');

  // My account says how this session signed in.
  await page.getByRole('link', { name: 'My account' }).click();
  await expect(page.getByText('Single sign-on')).toBeVisible();
});

test('a moderator through the provider works as a moderator and is refused an admin call with 403', async ({ page }) => {
  await page.goto('/demo/groups');
  await signInThroughProvider(page, 'sso-moderator');
  await expect(page.getByRole('table', { name: 'Groups' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Signed in as sso-moderator' })).toContainText('Moderator');
  await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  // Asked anyway, from the page (its cookie): the server refuses.
  const status = await page.evaluate(async () => (await fetch('/im-console/audit')).status);
  expect(status).toBe(403);
});

test('someone whose groups give no role is refused with a page that says why, in both languages', async ({ page, browser }) => {
  await page.goto('/demo/users');
  await throughProvider(page, 'sso-nobody');
  await expect(page).toHaveURL(`${SSO_URL}/demo/users`);
  await expect(page.getByRole('alert')).toContainText('None of your groups at the identity provider gives a role in this console');
  await expect(page.getByRole('heading', { name: 'Sign in to the IM Admin Console' })).toBeVisible();
  await expectNoAxeViolations(page);
  // Told once: a reload shows the plain sign-in page.
  await page.reload();
  await expect(page.getByRole('link', { name: `Sign in with ${OIDC_LABEL}` })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  const context = await browser.newContext({ locale: 'zh-CN', baseURL: SSO_URL });
  const zh = await context.newPage();
  await zh.goto('/demo/users');
  await throughProvider(zh, 'sso-nobody', `使用 ${OIDC_LABEL} 登录`);
  await expect(zh.getByRole('alert')).toContainText('你在身份提供方所属的群组都没有对应本控制台的角色');
  await expectNoAxeViolations(zh);
  await context.close();
});

test('signing out ends the console session and signs out at the provider, back to the console', async ({ page }) => {
  await page.goto('/demo/users');
  await signInThroughProvider(page, 'sso-moderator');
  await page.getByRole('button', { name: 'Sign out' }).click();
  // The provider asks to confirm, then sends the browser back to the console.
  await page.waitForURL((url) => url.origin === OIDC_ISSUER);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.origin === SSO_URL);
  await expect(page.getByRole('heading', { name: 'Sign in to the IM Admin Console' })).toBeVisible();
  // Signed out at the provider too: its sign-in page asks again.
  await signInThroughProvider(page, 'sso-moderator');
  await expect(page.getByRole('group', { name: 'Signed in as sso-moderator' })).toBeVisible();
});
