import { LANGUAGES, loadCatalogue, type CataloguePart, type Language } from './catalogues';
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
  /** Translates in the current language; a new function after each switch or newly loaded part. */
  readonly t: TFunction;
  hasCatalogue(lng: Language, part?: CataloguePart): boolean;
  addCatalogue(lng: Language, catalogue: Partial<Catalogue>, part?: CataloguePart): void;
  /** Loads the current language's `pages` part once; resolves when it is there. */
  loadPages(): Promise<void>;
  /** Switches to a language whose catalogue is loaded (see `switchLanguage`). */
  changeLanguage(lng: Language): Promise<void>;
  subscribe(listener: () => void): () => void;
}

// The app's instance, for code outside React that must wait for the `pages` strings (lazy dialogs).
let appInstance: I18n | undefined;

/** Resolves once the shown language's `pages` strings are loaded (at once in tests). */
export function whenPagesLoaded(): Promise<void> {
  return appInstance ? appInstance.loadPages() : Promise.resolve();
}

/** An instance over the given catalogues (tests pass whole ones; the app loads parts with `loadI18n`). */
export function createI18n(lng: Language, catalogues: Partial<Record<Language, Partial<Catalogue>>>, parts?: CataloguePart[]): I18n {
  const loaded = new Map(Object.entries(catalogues) as [Language, Partial<Catalogue>][]);
  // Whole catalogues unless told otherwise.
  const have = new Set<string>([...loaded.keys()].flatMap((l) => (parts ?? ['core', 'pages']).map((p) => `${l}:${p}`)));
  const pagesLoading = new Map<Language, Promise<void>>();
  const listeners = new Set<() => void>();
  const translator =
    (current: Language): TFunction =>
    (key, options) => {
      const target = options?.lng ?? current;
      return translate(loaded.get(target) as Catalogue | undefined, target, key, options);
    };
  let language = lng;
  let t = translator(lng);
  const refresh = () => {
    t = translator(language);
    document.documentElement.lang = language;
    listeners.forEach((l) => l());
  };
  document.documentElement.lang = lng;
  const instance: I18n = {
    get language() {
      return language;
    },
    get t() {
      return t;
    },
    hasCatalogue: (l, part) => (part ? have.has(`${l}:${part}`) : have.has(`${l}:core`) && have.has(`${l}:pages`)),
    addCatalogue: (l, catalogue, part) => {
      loaded.set(l, { ...loaded.get(l), ...catalogue });
      for (const p of part ? [part] : (['core', 'pages'] as const)) have.add(`${l}:${p}`);
      if (l === language) refresh();
    },
    loadPages: () => {
      const l = language;
      if (have.has(`${l}:pages`)) return Promise.resolve();
      let loading = pagesLoading.get(l);
      if (!loading) {
        loading = loadCatalogue(l, 'pages').then((pages) => instance.addCatalogue(l, pages, 'pages'));
        pagesLoading.set(l, loading);
      }
      return loading;
    },
    changeLanguage: async (next) => {
      if (!have.has(`${next}:core`)) throw new Error(`the ${next} catalogue is not loaded`);
      language = next;
      refresh();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return instance;
}

/** The app's instance, with the chosen language's `core` part: enough for the first screen. */
export async function loadI18n(lng: Language = detectLanguage()): Promise<I18n> {
  appInstance = createI18n(lng, { [lng]: await loadCatalogue(lng, 'core') }, ['core']);
  return appInstance;
}

/** Switches language, downloading both its parts first if needed, and remembers the choice. */
export async function switchLanguage(instance: I18n, lng: Language): Promise<void> {
  const parts = await Promise.all([
    instance.hasCatalogue(lng, 'core') ? undefined : loadCatalogue(lng, 'core'),
    instance.hasCatalogue(lng, 'pages') ? undefined : loadCatalogue(lng, 'pages'),
  ]);
  if (parts[0]) instance.addCatalogue(lng, parts[0], 'core');
  if (parts[1]) instance.addCatalogue(lng, parts[1], 'pages');
  storeLanguage(lng);
  await instance.changeLanguage(lng);
}
