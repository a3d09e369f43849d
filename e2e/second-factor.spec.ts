import { expect, test, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { E2E_TOTP_OPERATOR as OPERATOR, PRODUCTION_URL } from '../playwright.config';
import { expectNoAxeViolations } from './support/axe';

test.use({ locale: 'en-US', baseURL: PRODUCTION_URL });
// One operator walks through it all: each step leaves the account in the state the next needs.
test.describe.configure({ mode: 'serial' });

const form = (page: Page) => page.getByRole('form', { name: 'Sign in' });

async function enterPassword(page: Page) {
  await expect(page.getByRole('heading', { name: 'Sign in to the IM Admin Console' })).toBeVisible();
  await form(page).getByRole('textbox', { name: 'Username' }).fill(OPERATOR.username);
  await form(page).getByRole('textbox', { name: 'Password' }).fill(OPERATOR.password);
  await form(page).getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to the IM Admin Console' })).toBeVisible();
}

/** The code the operator's app shows, `steps` of 30 s from now (the server takes one step either side). */
const codeFor = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

let secret = '';
let recoveryCodes: string[] = [];
let usedCode = '';

test('an operator sets up two-step verification from their account page and saves the recovery codes', async ({ page }) => {
  await page.goto('/demo/account');
  await enterPassword(page);
  const details = page.getByRole('table', { name: 'My account' });
  await expect(details.getByRole('row', { name: /Two-step verification/ })).toContainText('Off');
  await expect(details.getByRole('row', { name: /signed in with/ })).toContainText('Password');

  await page.getByRole('button', { name: 'Set up' }).click();
  const setup = page.getByRole('form', { name: 'Set up two-step verification' });
  await expect(setup.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  secret = (await setup.getByLabel('Setup key').textContent()) ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

  // A code that is not six digits is caught before sending; a wrong one is refused by the server.
  const codeBox = setup.getByRole('textbox', { name: 'The 6-digit code it shows' });
  await codeBox.fill('12345');
  await setup.getByRole('button', { name: 'Confirm' }).click();
  await expect(setup.getByText('Enter the 6 digits your app shows')).toBeVisible();
  const right = await codeFor(secret);
  await codeBox.fill(right === '000000' ? '111111' : '000000');
  await setup.getByRole('button', { name: 'Confirm' }).click();
  await expect(setup.getByRole('alert')).toContainText('That code does not match');

  await codeBox.fill(await codeFor(secret));
  await setup.getByRole('button', { name: 'Confirm' }).click();
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  recoveryCodes = await codes.allTextContents();
  const done = page.getByRole('button', { name: 'Done' });
  await expect(done).toBeDisabled();
  await expectNoAxeViolations(page, { include: 'main' });
  await page.getByRole('checkbox', { name: 'I have saved my recovery codes' }).check();
  await done.click();
  await expect(details.getByRole('row', { name: /Two-step verification/ })).toContainText('On (10 recovery codes left)');
});

test('the next sign-in asks for the code after the password; a wrong code is refused, the right one lets in', async ({ page }) => {
  await page.goto('/demo/account');
  await enterPassword(page);
  const code = form(page).getByRole('textbox', { name: 'Verification code' });
  await expect(code).toBeFocused();
  // Asking for the code is not an error.
  await expect(page.getByRole('alert')).toHaveCount(0);
  const next = await codeFor(secret, 1);
  await code.fill(next === '000000' ? '111111' : '000000');
  await form(page).getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong or already used code.');
  await expect(form(page).getByRole('textbox', { name: 'Password' })).toHaveValue(OPERATOR.password);

  // The setup used this step's code, so the app's next one (accepted a step early).
  usedCode = next;
  await code.fill(usedCode);
  await form(page).getByRole('button', { name: 'Sign in' }).click();
  const details = page.getByRole('table', { name: 'My account' });
  await expect(details.getByRole('row', { name: /signed in with/ })).toContainText('Password and authenticator code');
  await signOut(page);
});

test('a code cannot be used twice; a recovery code signs in once', async ({ page }) => {
  await page.goto('/demo/account');
  await enterPassword(page);
  const code = form(page).getByRole('textbox', { name: 'Verification code' });
  await code.fill(usedCode);
  await form(page).getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong or already used code.');

  await code.fill(recoveryCodes[0]!);
  await form(page).getByRole('button', { name: 'Sign in' }).click();
  const details = page.getByRole('table', { name: 'My account' });
  await expect(details.getByRole('row', { name: /signed in with/ })).toContainText('Password and a recovery code');
  await expect(details.getByRole('row', { name: /Two-step verification/ })).toContainText('On (9 recovery codes left)');
  await signOut(page);

  await enterPassword(page);
  await code.fill(recoveryCodes[0]!);
  await form(page).getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong or already used code.');
});
