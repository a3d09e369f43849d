import { LANGUAGES, loadCatalogue, type Language } from './catalogues';
import type { Catalogue } from './en';
import { translate, type TFunction } from './translate';

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

/** The console's language state: the loaded catalogues, the current language and its `t`. */
export interface I18n {
  readonly language: Language;
  /** Translates in the current language; a new function after each switch. */
  readonly t: TFunction;
  hasCatalogue(lng: Language): boolean;
  addCatalogue(lng: Language, catalogue: Catalogue): void;
  /** Switches to a language whose catalogue is loaded (see `switchLanguage`). */
  changeLanguage(lng: Language): Promise<void>;
  subscribe(listener: () => void): () => void;
}

/** An instance over the given catalogues (tests pass both; the app loads one with `loadI18n`). */
export function createI18n(lng: Language, catalogues: Partial<Record<Language, Catalogue>>): I18n {
  const loaded = new Map(Object.entries(catalogues) as [Language, Catalogue][]);
  const listeners = new Set<() => void>();
  const translator = (current: Language): TFunction => (key, options) => {
    const target = options?.lng ?? current;
    return translate(loaded.get(target), target, key, options);
  };
  let language = lng;
  let t = translator(lng);
  document.documentElement.lang = lng;
  return {
    get language() {
      return language;
    },
    get t() {
      return t;
    },
    hasCatalogue: (l) => loaded.has(l),
    addCatalogue: (l, catalogue) => void loaded.set(l, catalogue),
    changeLanguage: async (next) => {
      if (!loaded.has(next)) throw new Error(`the ${next} catalogue is not loaded`);
      language = next;
      t = translator(next);
      document.documentElement.lang = next;
      listeners.forEach((l) => l());
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The app's instance, with only the chosen language's catalogue downloaded. */
export async function loadI18n(lng: Language = detectLanguage()): Promise<I18n> {
  return createI18n(lng, { [lng]: await loadCatalogue(lng) });
}

/** Switches language, downloading its catalogue first if needed, and remembers the choice. */
export async function switchLanguage(instance: I18n, lng: Language): Promise<void> {
  if (!instance.hasCatalogue(lng)) instance.addCatalogue(lng, await loadCatalogue(lng));
  storeLanguage(lng);
  await instance.changeLanguage(lng);
}
