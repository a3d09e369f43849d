import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

const pages = ['/demo', '/demo/users', '/demo/users/alice', '/demo/register', '/demo/groups', '/demo/groups/180000000104729', '/demo/no-such-page'];

/** A page drawn and connected: its title is in, and the connection badge has its answer. */
async function opened(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('img', { name: /127\.0\.0\.1/ })).toBeVisible();
}

// Every page in each colour scheme and language. One browser page per pair: loading the console
// again for each page in a new context cost more than the checks (a step per page names the one
// that fails).
for (const scheme of ['light', 'dark'] as const) {
  for (const locale of ['en-US', 'zh-CN']) {
    test.describe(`${scheme}, ${locale}`, () => {
      test.use({ colorScheme: scheme, locale });

      test('axe finds no violations on any page', async ({ page }) => {
        // Seven pages in one test: three times the single-page timeout, for a busy machine.
        test.slow();
        for (const path of pages) {
          await test.step(path, async () => {
            await opened(page, path);
            await expectNoAxeViolations(page);
          });
        }
      });

      test('axe finds no violations in the open command palette (the go-to box)', async ({ page }) => {
        await opened(page, '/demo');
        await page.keyboard.press('Control+K');
        const palette = page.getByRole('dialog');
        await palette.getByRole('combobox').fill('alice');
        await expect(palette.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
        await expect(palette.getByRole('status')).toBeVisible();
        await expectNoAxeViolations(page);
      });
    });
  }
}
