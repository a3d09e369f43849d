import type { CoreCatalogue, PagesCatalogue } from './en';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, so the switcher reads the same in any UI language. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

/**
 * A language's catalogue comes in two parts, each loaded when needed: `core` (the shell and the
 * users list, before the first render) and `pages` (everything else, right after). A browser
 * downloads only the language it shows.
 */
export type CataloguePart = 'core' | 'pages';

export function loadCatalogue(lng: Language, part: 'core'): Promise<CoreCatalogue>;
export function loadCatalogue(lng: Language, part: 'pages'): Promise<PagesCatalogue>;
export function loadCatalogue(lng: Language, part: CataloguePart): Promise<CoreCatalogue | PagesCatalogue> {
  if (lng === 'zh-CN') return part === 'core' ? import('./core-zh-cn').then((m) => m.coreZhCN) : import('./pages-zh-cn').then((m) => m.pagesZhCN);
  return part === 'core' ? import('./core-en').then((m) => m.coreEn) : import('./pages-en').then((m) => m.pagesEn);
}
