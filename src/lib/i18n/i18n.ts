import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues, LANGUAGES, type Language } from './catalogues';
import type { Catalogue } from './en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}

export const LANGUAGE_STORAGE_KEY = 'im-console.lang';
const FALLBACK_LANGUAGE: Language = 'en';

/**
 * First supported language among the candidates, best first. A candidate matches exactly
 * (case-insensitive) or by its base language, so `zh-TW` or `zh` still get Chinese.
 */
export function pickLanguage(candidates: readonly (string | null | undefined)[]): Language {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const wanted = candidate.toLowerCase();
    const exact = LANGUAGES.find((lng) => lng.toLowerCase() === wanted);
    if (exact) return exact;
    const base = wanted.split('-')[0];
    const sameBase = LANGUAGES.find((lng) => lng.toLowerCase().split('-')[0] === base);
    if (sameBase) return sameBase;
  }
  return FALLBACK_LANGUAGE;
}

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Storage can be disabled (privacy settings); fall back to the browser languages.
    return null;
  }
}

/** The user's explicit choice first, then the browser's preferred languages. */
export function detectLanguage(): Language {
  return pickLanguage([readStoredLanguage(), ...navigator.languages]);
}

export function storeLanguage(lng: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // Not persisting only means the choice is forgotten on reload.
  }
}

/** A ready-to-use instance; catalogues are bundled, so initialisation is synchronous. */
export function createI18n(lng: Language = detectLanguage()): i18n {
  const instance = i18next.createInstance();
  instance.on('languageChanged', (current) => {
    document.documentElement.lang = current;
  });
  void instance.use(initReactI18next).init({
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: catalogues[l] }])),
    lng,
    fallbackLng: FALLBACK_LANGUAGE,
    initAsync: false,
    // React already escapes rendered text.
    interpolation: { escapeValue: false },
  });
  return instance;
}
