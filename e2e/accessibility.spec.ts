import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

const pages = ['/demo', '/demo/users', '/demo/users/alice', '/demo/register', '/demo/groups', '/demo/groups/180000000104729', '/demo/no-such-page'];

for (const scheme of ['light', 'dark'] as const) {
  for (const locale of ['en-US', 'zh-CN']) {
    test.describe(`${scheme}, ${locale}`, () => {
      test.use({ colorScheme: scheme, locale });

      for (const path of pages) {
        test(`axe finds no violations on ${path}`, async ({ page }) => {
          await page.goto(path);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          await expect(page.getByRole('img', { name: /127\.0\.0\.1/ })).toBeVisible();
          await expectNoAxeViolations(page);
        });
      }

      test('axe finds no violations in the open command palette (the go-to box)', async ({ page }) => {
        await page.goto('/demo');
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
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
