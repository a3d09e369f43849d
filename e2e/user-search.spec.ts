import { expect, test } from '@playwright/test';

test.use({ locale: 'en-US' });

// One spec builds the demo app's index (the e2e preview console needs no sign-in: every control shows).
test('builds the index of demo on Search settings, then finds users by part of a name and opens one', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/demo/users');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Search settings' }).click();
  await expect(page).toHaveURL(/\/demo\/search-settings$/);
  await expect(page.getByRole('heading', { name: 'Search settings' })).toBeVisible();

  // Another run against the same console may have built it already: then the walk picks up new users.
  await page.getByRole('button', { name: /^(Build the index|Continue the walk|Pick up new users)$/ }).click();
  // Progress is polled every 2 s; the walk ends when its Cancel goes away and the count is all demo users.
  await expect(page.getByRole('button', { name: 'Cancel the walk' })).toBeHidden({ timeout: 90_000 });
  await expect(page.getByRole('button', { name: 'Re-walk' })).toBeVisible();
  const count = Number((await page.getByTestId('index-count').textContent())!.replace(/\D/g, ''));
  expect(count).toBeGreaterThanOrEqual(3200);
  await expect(page.getByText(/seconds? ago|now|minutes? ago/)).toBeVisible();

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users' }).click();
  const box = page.getByRole('textbox', { name: 'Search users' });
  await box.fill('爱丽丝');
  await box.press('Enter');
  await expect(page).toHaveURL(/[?&]q=/);
  const results = page.getByRole('table', { name: 'Users matching “爱丽丝”' });
  await expect(results.getByRole('link', { name: 'alice', exact: true })).toBeVisible();
  await expect(results.getByText('Alice 爱丽丝')).toBeVisible();
  // Search results are not a page of the list: only the export of all users is offered.
  await expect(page.getByRole('button', { name: /^Export \d+ users? \(CSV\)$/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export all users (CSV)…' })).toBeVisible();

  await box.fill('wong');
  await box.press('Enter');
  const wong = page.getByRole('table', { name: 'Users matching “wong”' });
  await expect(wong.locator('tbody tr').first()).toBeVisible();
  const rows = await wong.locator('tbody tr').allTextContents();
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row.toLowerCase()).toContain('wong');

  // Reload keeps the search (it is in the URL); a result opens the user page, read from the API.
  await page.reload();
  await expect(box).toHaveValue('wong');
  const first = wong.locator('tbody tr a').first();
  const name = (await first.textContent())!;
  await first.click();
  await expect(page).toHaveURL(new RegExp(`/demo/users/${name}$`));
  await expect(page.getByRole('heading', { name })).toBeVisible();

  // An exact username skips the index and opens the user at once.
  await page.goBack();
  await box.fill('bob');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/demo\/users\/bob$/);

  // The header's go-to box suggests matches from the index as one types (two characters are enough).
  const goTo = page.getByRole('textbox', { name: 'Go to a user or group' });
  await goTo.fill('丽丝');
  const suggested = page.getByRole('list', { name: 'Users matching “丽丝”' });
  const alice = suggested.getByRole('link', { name: /^alice/ });
  await expect(alice).toBeVisible();
  // From the keyboard: Down into the suggestions, Up back to the box, Down again and Enter.
  await goTo.press('ArrowDown');
  await expect(suggested.getByRole('link').first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(goTo).toBeFocused();
  await goTo.press('ArrowDown');
  await alice.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/demo\/users\/alice$/);
  await expect(suggested).toBeHidden();
});
