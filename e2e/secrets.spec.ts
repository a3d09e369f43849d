import { expect, test, type Response } from '@playwright/test';

// The proxy holds the client secret and the app token; neither may reach the browser.
const SECRET = 'demo-client-secret';
// Every token the emulator issues: this prefix and 64 base64url characters.
const TOKEN = /YWMt[\w-]{64}(?![\w-])/;

test('no response, page source or script the console loads contains the secret or a token', async ({ page, request }) => {
  const bodies: { url: string; text: string }[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (res: Response) => {
    pending.push(
      res
        .text()
        .then((text) => void bodies.push({ url: res.url(), text }))
        .catch(() => undefined),
    );
  });

  await page.goto('/');
  await expect(page.getByRole('img', { name: /Connected to/ })).toBeVisible();
  await page.goto('/demo/users/alice');
  await expect(page.getByRole('heading', { level: 1, name: 'alice' })).toBeVisible();
  await page.goto('/demo-agora/groups/180000000104729');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The header's go-to box opens the command palette.
  await page.getByRole('button', { name: 'Go to a user, group, page or action' }).click();
  const box = page.getByRole('dialog', { name: 'Go to or do' }).getByRole('combobox');
  await box.fill('bob');
  await box.press('Enter');
  await expect(page).toHaveURL('/demo-agora/users/bob');
  await Promise.all(pending);

  expect(bodies.some((b) => b.url.includes('/im/demo/users/alice'))).toBe(true);
  expect(bodies.filter((b) => b.url.includes('.ts') || b.url.includes('.js')).length).toBeGreaterThan(10);
  for (const { url, text } of [...bodies, { url: 'page source', text: await page.content() }]) {
    expect.soft(text.includes(SECRET), `${url} contains the client secret`).toBe(false);
    expect.soft(TOKEN.test(text), `${url} contains a token`).toBe(false);
  }
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie)).not.toMatch(TOKEN);

  // The token endpoint itself is not forwarded.
  const forwarded = await request.post('/im/demo/token', {
    data: { grant_type: 'client_credentials', client_id: 'demo-client-id', client_secret: SECRET },
  });
  expect(forwarded.status()).toBe(403);
  expect(await forwarded.text()).not.toMatch(TOKEN);
});
