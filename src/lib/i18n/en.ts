import { coreEn } from './core-en';
import { pagesEn } from './pages-en';

// The English catalogue is the reference shape: `Catalogue` is derived from it and every
// other language must provide the same keys (checked by tsc and by catalogues.test.ts).
// At run time it comes in two parts (see catalogues.ts); this whole object serves types and tests.
export const en = { ...coreEn, ...pagesEn };

export type Catalogue = typeof en;
export type CoreCatalogue = typeof coreEn;
export type PagesCatalogue = typeof pagesEn;
