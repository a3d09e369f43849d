import type { Catalogue } from './en';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, so the switcher reads the same in any UI language. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

/** One language's catalogue, loaded when it is needed: a browser downloads only the language it shows. */
export function loadCatalogue(lng: Language): Promise<Catalogue> {
  return lng === 'zh-CN' ? import('./zh-cn').then((m) => m.zhCN) : import('./en').then((m) => m.en);
}
