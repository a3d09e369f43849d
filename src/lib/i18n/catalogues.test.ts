import { describe, expect, it } from 'vitest';
import { allCatalogues as catalogues } from '@/testing/catalogues';
import { LANGUAGES } from './catalogues';

type Tree = { [key: string]: string | Tree };

/** `{ a: { b: 'x' } }` → `[['a.b', 'x']]`, so nested catalogues compare as flat lists. */
function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

const reference = flatten(catalogues.en).map(([key]) => key).sort();

describe.each(LANGUAGES)('the %s catalogue', (lng) => {
  const entries = flatten(catalogues[lng]);

  it('has exactly the same keys as the English one', () => {
    expect(entries.map(([key]) => key).sort()).toEqual(reference);
  });

  it('has no empty text', () => {
    const empty = entries.filter(([, value]) => value.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });
});

/** `'{{count}} of {{total}}'` → `['count', 'total']`, sorted: the names a message interpolates. */
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe.each(LANGUAGES.filter((lng) => lng !== 'en'))('the %s catalogue against the English one', (lng) => {
  const english = new Map(flatten(catalogues.en));

  it('uses the same placeholders in every message', () => {
    const differing = flatten(catalogues[lng])
      .filter(([key, text]) => placeholders(text).join() !== placeholders(english.get(key) ?? '').join())
      .map(([key, text]) => `${key}: ${text} ≠ ${english.get(key)}`);
    expect(differing).toEqual([]);
  });
});

describe('every message', () => {
  // The console's source, read once: a key is used when it is written out whole, or when its
  // parent is a prefix the code completes (`audit.refusal.${code}`). A `_suffix` is a plural or a
  // context of the key before it.
  const source = Object.entries(import.meta.glob(['/src/**/*.{ts,tsx}', '!/src/lib/i18n/**', '!/src/**/*.test.{ts,tsx}'], { query: '?raw', import: 'default', eager: true }))
    .map(([, text]) => text as string)
    .join('\n');
  const written = (key: string) => ["'", '"', '`'].some((q) => source.includes(`${q}${key}${q}`));
  const completed = (key: string) => source.includes(`\`${key.slice(0, key.lastIndexOf('.') + 1)}\${`);

  it('is used somewhere in the console', () => {
    const unused = reference.filter((key) => !written(key) && !written(key.replace(/_[a-z]+$/, '')) && !completed(key));
    expect(unused).toEqual([]);
  });
});
