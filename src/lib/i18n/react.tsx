import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { I18n } from './i18n';
import type { TFunction } from './translate';

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

/** `{ t, i18n }` for the current language; components re-render when the language changes. */
export function useTranslation(): { t: TFunction; i18n: I18n } {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useTranslation needs an <I18nProvider> above it');
  // `t` changes identity with the language, so memoised children see the switch too.
  const t = useSyncExternalStore(i18n.subscribe, () => i18n.t);
  return { t, i18n };
}
