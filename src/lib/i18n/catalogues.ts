import { en, type Catalogue } from './en';
import { zhCN } from './zh-cn';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export const catalogues: Record<Language, Catalogue> = { en, 'zh-CN': zhCN };
