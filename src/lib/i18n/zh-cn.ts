import type { Catalogue } from './en';
import { coreZhCN } from './core-zh-cn';
import { pagesZhCN } from './pages-zh-cn';

export const zhCN: Catalogue = { ...coreZhCN, ...pagesZhCN };
