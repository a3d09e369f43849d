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
