import { lazy, type ComponentType } from 'react';
import { whenPagesLoaded } from './i18n';

/**
 * `React.lazy` for a dialog opened from the first screen: it waits for the `pages` strings too,
 * so a very quick click never shows untranslated keys.
 */
// oxlint-disable-next-line typescript/no-explicit-any -- the same bound as React.lazy's own.
export function lazyWithPages<C extends ComponentType<any>>(load: () => Promise<{ default: C }>) {
  return lazy(() => Promise.all([load(), whenPagesLoaded()]).then(([module]) => module));
}
