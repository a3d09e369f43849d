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

/**
 * An instance over the given catalogues (tests pass whole ones; the app loads parts with
 * `loadI18n`); `pagesDownloading`: a language's `pages` part already on its way, which
 * `loadPages` then waits for rather than asking again.
 */
export function createI18n(
  lng: Language,
  catalogues: Partial<Record<Language, Partial<Catalogue>>>,
  parts?: CataloguePart[],
  pagesDownloading?: { lng: Language; pages: Promise<Partial<Catalogue>> },
): I18n {
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
  if (pagesDownloading) {
    const { lng: l, pages } = pagesDownloading;
    pagesLoading.set(l, pages.then((catalogue) => instance.addCatalogue(l, catalogue, 'pages')));
  }
  return instance;
}

/** The home page and the users list read only the `core` strings; every other page needs `pages` too. */
export function needsPages(pathname: string): boolean {
  return !/^\/(?:[^/]+(?:\/users)?\/?)?$/.test(pathname);
}

/**
 * The app's instance, with the chosen language's `core` part: enough for the first screen. With
 * `withPages` (a first page that needs them) the `pages` part downloads at the same time, rather
 * than once the router asks for it.
 */
export async function loadI18n(lng: Language = detectLanguage(), { withPages = false } = {}): Promise<I18n> {
  const pages = withPages ? loadCatalogue(lng, 'pages') : undefined;
  // A failure is the page's, when it waits for the strings: not an unhandled rejection here.
  pages?.catch(() => undefined);
  appInstance = createI18n(lng, { [lng]: await loadCatalogue(lng, 'core') }, ['core'], pages && { lng, pages });
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
