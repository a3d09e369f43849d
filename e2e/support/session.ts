import { expect, type Page } from '@playwright/test';
import { OIDC_ISSUER, OIDC_LABEL } from '../../playwright.config';

export type Credentials = { username: string; password: string };

/** Signs in on the sign-in page the console shows (at first, or over a page whose session ended). */
export async function signIn(page: Page, who: Credentials) {
  const form = page.getByRole('form', { name: 'Sign in' });
  await expect(page.getByRole('heading', { name: 'Sign in to the IM Admin Console' })).toBeVisible();
  await form.getByRole('textbox', { name: 'Username' }).fill(who.username);
  await form.getByRole('textbox', { name: 'Password' }).fill(who.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/**
 * On the single-sign-on console: from its sign-in page through the test provider's (any password)
 * as `login`, back to the console, signed in or refused. `button`: the sign-in page's words for it.
 */
export async function throughProvider(page: Page, login: string, button = `Sign in with ${OIDC_LABEL}`) {
  await page.getByRole('link', { name: button }).click();
  await page.waitForURL((url) => url.origin === OIDC_ISSUER);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

/** `throughProvider`, for an account the console lets in. */
export async function signInThroughProvider(page: Page, login: string) {
  await throughProvider(page, login);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}
