import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

/** WCAG 2.0 and 2.1, levels A and AA: what the console promises. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A CSS selector, or a locator (every element it matches). */
export type AxeScope = string | Locator;

export type AxeOptions = {
  /**
   * The part of the page to check: what a test's last step changed. Without it the whole page is
   * checked, which on a big page takes many seconds; accessibility.spec.ts checks each whole page.
   */
  include?: AxeScope | AxeScope[];
  exclude?: AxeScope | AxeScope[];
};

let scans = 0;

/** CSS selectors for the scopes; a locator's elements are marked with a data attribute (it must match at least one). */
async function selectors(scopes: AxeScope | AxeScope[] | undefined, mark: string): Promise<string[]> {
  const out: string[] = [];
  for (const [i, scope] of [scopes ?? []].flat().entries()) {
    if (typeof scope === 'string') {
      out.push(scope);
      continue;
    }
    const id = `${mark}-${i}`;
    const found = await scope.evaluateAll((elements, value) => {
      for (const el of elements) el.setAttribute('data-axe-scope', `${el.getAttribute('data-axe-scope') ?? ''} ${value}`.trim());
      return elements.length;
    }, id);
    expect(found, `the axe scope ${scope} matches no element`).toBeGreaterThan(0);
    out.push(`[data-axe-scope~="${id}"]`);
  }
  return out;
}

/**
 * Runs axe on the page, or on the part of it in `include`, and fails with every violation (rule,
 * element and why) if there is any.
 */
export async function expectNoAxeViolations(page: Page, { include, exclude }: AxeOptions = {}) {
  const name = include ? [include].flat().map(String).join(', ') : 'the whole page';
  await test.step(
    `axe: ${name}`,
    async () => {
      const mark = `axe${++scans}`;
      const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
      for (const selector of await selectors(include, `${mark}-in`)) builder.include(selector);
      for (const selector of await selectors(exclude, `${mark}-out`)) builder.exclude(selector);
      const results = await builder.analyze();
      await page.locator('[data-axe-scope]').evaluateAll((elements) => elements.forEach((el) => el.removeAttribute('data-axe-scope')));
      expect(results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary ?? v.help})`))).toEqual([]);
    },
    { box: true },
  );
}
