import { expect, test } from '@playwright/test';
import { E2E_OPERATORS as OPERATORS, PRODUCTION_URL } from '../playwright.config';
import { signIn } from './support/session';

test.use({ locale: 'en-US' });

// Operators sign in to the console served by `npm start` (sign-in required): what each role sees,
// signing out, and a deep link that survives the sign-in. The production server and its seeded
// operators come from playwright.config.ts (`PRODUCTION_URL`, `E2E_OPERATORS`).

test.use({ baseURL: PRODUCTION_URL });

test('a wrong password is refused with the server’s words, and nothing typed is lost', async ({ page }) => {
  await page.goto('/demo/users');
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByRole('textbox', { name: 'Username' }).fill(OPERATORS.viewer.username);
  await form.getByRole('textbox', { name: 'Password' }).fill('not-the-password');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Username' })).toHaveValue(OPERATORS.viewer.username);
  await expect(form.getByRole('textbox', { name: 'Password' })).toBeFocused();
});

test('a viewer sees the users and a user, with no action buttons, and signs out', async ({ page }) => {
  await page.goto('/demo/users');
  await signIn(page, OPERATORS.viewer);
  await expect(page.getByRole('group', { name: `Signed in as ${OPERATORS.viewer.username}` })).toContainText('Viewer');

  const table = page.getByRole('table', { name: 'Users' });
  await expect(table.getByRole('link', { name: 'alice', exact: true })).toBeVisible();
  for (const name of [/^Ban/, /^Unban/, /^Force offline/, 'Register users']) await expect(page.getByRole('button', { name })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Register users' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Danger zone' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);

  await table.getByRole('link', { name: 'alice', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'alice', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'User actions' }).getByRole('button')).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to the IM Admin Console' })).toBeVisible();
  await expect(page.getByText('You are signed out.')).toBeVisible();
  // The session is gone on the server too: a reload still asks for a sign-in.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in to the IM Admin Console' })).toBeVisible();
});

test('a moderator mutes a group member, and cannot delete users', async ({ page }) => {
  await page.goto('/demo/groups');
  await signIn(page, OPERATORS.moderator);
  const groups = page.getByRole('table', { name: 'Groups' });
  // The last group of the first page: not one the other specs change.
  const link = groups.getByRole('link').last();
  const groupName = (await link.textContent())!.trim();
  await link.click();
  await page.getByRole('link', { name: 'Members' }).first().waitFor();
  const roster = page.getByRole('table', { name: `Members of ${groupName}` });
  const someMember = (await roster.getByRole('row').nth(2).getByRole('link').first().textContent())!.trim();

  await page.getByRole('tab', { name: 'Mutes' }).or(page.getByRole('link', { name: 'Mutes' })).first().click();
  await page.getByRole('button', { name: 'Mute members…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Mute members of ${groupName}` });
  await dialog.getByRole('textbox', { name: 'Names' }).fill(someMember);
  await dialog.getByRole('radio', { name: '1 hour' }).check();
  await dialog.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect(dialog.getByText('1 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('table', { name: `Muted members of ${groupName}` }).getByRole('row', { name: new RegExp(someMember) })).toBeVisible();

  await page.goto('/demo/users/alice');
  await expect(page.getByRole('heading', { name: 'alice', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete user' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Ban' })).toHaveCount(0);
});

test('a deep link asked for while signed out opens once signed in', async ({ page }) => {
  await page.goto('/demo/users/bob/friends');
  await expect(page).toHaveURL(/\/demo\/users\/bob\/friends$/);
  await signIn(page, OPERATORS.viewer);
  await expect(page).toHaveURL(/\/demo\/users\/bob\/friends$/);
  await expect(page.getByRole('heading', { name: 'bob', exact: true })).toBeVisible();
});

test('an admin finds sign-ins, refused ones and sign-outs in the audit log', async ({ page }) => {
  // Somebody tries the support operator's name with a wrong password…
  await page.goto('/demo/users');
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByRole('textbox', { name: 'Username' }).fill(OPERATORS.support.username);
  await form.getByRole('textbox', { name: 'Password' }).fill('a-wrong-password');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  // …then the admin signs in and reads the log.
  await signIn(page, OPERATORS.admin);
  await page.getByRole('link', { name: 'Audit log' }).click();
  const filters = page.getByRole('form', { name: 'Filter the audit log' });
  await filters.getByRole('textbox', { name: 'Target user or group' }).fill(OPERATORS.support.username);
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  const log = page.getByRole('table', { name: 'Audit log' });
  const refused = log.getByRole('row').filter({ hasText: 'Sign-in refused' }).first();
  await expect(refused).toContainText('nobody (not signed in)');
  await expect(refused).toContainText('the console');
  await expect(refused).toContainText('Failed (401)');

  await filters.getByRole('textbox', { name: 'Target user or group' }).fill(OPERATORS.admin.username);
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(log.getByRole('row').filter({ hasText: 'Signed in' }).first()).toContainText(OPERATORS.admin.username);
});

test('an admin finds a refused change in the audit log, in words, with its address', async ({ page }) => {
  await page.goto('/demo/users');
  await signIn(page, OPERATORS.viewer);
  // A viewer's hand-made change, with its own session and CSRF token: refused before the IM host.
  const { csrfToken } = (await (await page.request.get('/im-console/session')).json()) as { csrfToken: string };
  const refused = await page.request.post('/im/demo/users/erin/deactivate', { headers: { 'X-CSRF-Token': csrfToken } });
  expect(refused.status()).toBe(403);
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, OPERATORS.admin);
  await page.getByRole('link', { name: 'Audit log' }).click();
  const filters = page.getByRole('form', { name: 'Filter the audit log' });
  await filters.getByRole('textbox', { name: 'Target user or group' }).fill('erin');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  const row = page.getByRole('table', { name: 'Audit log' }).getByRole('row').filter({ hasText: 'Refused: the role may not make this call' }).first();
  await expect(row).toContainText(OPERATORS.viewer.username);
  await expect(row).toContainText('from 127.0.0.1');
  await expect(row).toContainText('Failed (403)');
});

