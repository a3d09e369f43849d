import { en } from '@/lib/i18n/en';
import { zhCN } from '@/lib/i18n/zh-cn';

/** Both languages at once, so a test can switch synchronously (the app loads one at a time). */
export const allCatalogues = { en, 'zh-CN': zhCN };
