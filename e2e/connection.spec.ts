import { expect, test } from '@playwright/test';
import { BROKEN_APPS_URL, EMULATOR_PORT, OFFLINE_PORT } from '../playwright.config';

// A second console, configured with one unreachable host and one with a wrong client secret.
test.use({ baseURL: BROKEN_APPS_URL, locale: 'en-US' });

test('says plainly when the IM host cannot be reached', async ({ page }) => {
  await page.goto('/offline/users');
  const alert = page.getByRole('alert').filter({ hasText: 'The console cannot work with Offline region' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(`Cannot reach the IM host http://127.0.0.1:${OFFLINE_PORT}: ECONNREFUSED`);
  await expect(page.getByRole('img', { name: 'The console cannot work with Offline region' })).toBeVisible();
});

test('says plainly when the credentials are refused', async ({ page }) => {
  await page.goto('/badcreds');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`The IM host http://127.0.0.1:${EMULATOR_PORT} refused the app credentials`);
  await expect(alert).toContainText('invalid client_id or client_secret');
  await alert.getByRole('button', { name: 'Check again' }).click();
  await expect(alert).toBeVisible();
});

test('a lookup on a broken app shows the reason instead of failing silently', async ({ page }) => {
  await page.goto('/offline');
  // The header's go-to box opens the command palette, which says why its lookups failed.
  await page.getByRole('button', { name: 'Go to a user, group, page or action' }).click();
  const palette = page.getByRole('dialog', { name: 'Go to or do' });
  await palette.getByRole('combobox').fill('alice');
  await expect(palette.getByRole('status')).toContainText(`Cannot reach the IM host http://127.0.0.1:${OFFLINE_PORT}: ECONNREFUSED`);
});
