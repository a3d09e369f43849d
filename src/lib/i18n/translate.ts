import type { Catalogue } from './en';
import type { Language } from './catalogues';

// The console's translator: nested catalogues, `{{name}}` interpolation, plurals by
// Intl.PluralRules (`key_one` / `key_other`) and contexts (`key_on`), which is all the catalogues
// use. It replaces i18next, whose 50 KB were a quarter of the first screen's script.

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type Suffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other' | 'on' | 'off';
type Base<K> = K extends `${infer B}_${Suffix}` ? B : K;

/** Every key of the catalogues, and the base of each plural or context key (`bulk.valid` for `bulk.valid_one`). */
export type TKey = Leaves<Catalogue> | Base<Leaves<Catalogue>>;
export type TOptions = { count?: number; context?: string; lng?: Language } & Record<string, unknown>;
export type TFunction = (key: TKey, options?: TOptions) => string;

type Tree = { [key: string]: string | Tree };

function leaf(catalogue: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = catalogue;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const pluralRules = new Map<string, Intl.PluralRules>();
const pluralOf = (lng: string, count: number) => {
  let rules = pluralRules.get(lng);
  if (!rules) pluralRules.set(lng, (rules = new Intl.PluralRules(lng)));
  return rules.select(count);
};

/** Looks `key` up in `catalogue` as i18next would: context and plural suffixes first, then the bare key. */
export function translate(catalogue: Catalogue | undefined, lng: string, key: string, options: TOptions = {}): string {
  if (!catalogue) return key;
  const tree = catalogue as unknown as Tree;
  const { count, context } = options;
  const candidates: string[] = [];
  const plural = count === undefined ? [] : [pluralOf(lng, count), 'other'];
  if (context) {
    for (const p of plural) candidates.push(`${key}_${context}_${p}`);
    candidates.push(`${key}_${context}`);
  }
  for (const p of plural) candidates.push(`${key}_${p}`);
  candidates.push(key);
  for (const candidate of candidates) {
    const text = leaf(tree, candidate);
    if (text !== undefined) return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in options ? String(options[name]) : whole));
  }
  return key;
}
