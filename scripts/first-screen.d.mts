// Types for vite.config.ts, which chunks the build by what these routes load.
export const BUDGET: { js: number; css: number };
/** The route modules (split by the router plugin) that load and render /{app}/users, relative to the project. */
export const FIRST_SCREEN_ROUTES: string[];
export function firstScreen(outDir: string): { rows: { file: string; why: string; kind: 'js' | 'css'; raw: number; gzip: number }[]; js: number; css: number };
export function recordAssets(page: { on(event: 'response', listener: (res: import('@playwright/test').Response) => void): unknown }): {
  files(): Promise<{ files: { file: string; kind: 'js' | 'css'; raw: number; gzip: number }[]; js: number; css: number }>;
};
