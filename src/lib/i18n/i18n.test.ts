import { afterEach, describe, expect, it, vi } from 'vitest';
import { allCatalogues } from '@/testing/catalogues';
import { createI18n, detectLanguage, LANGUAGE_STORAGE_KEY, loadI18n, needsPages, pickLanguage, storeLanguage, switchLanguage, whenPagesLoaded } from './i18n';

describe('pickLanguage', () => {
  it('prefers the first supported candidate', () => {
    expect(pickLanguage(['zh-CN', 'en-US'])).toBe('zh-CN');
    expect(pickLanguage([null, 'en-US', 'zh-CN'])).toBe('en');
  });

  it('matches case-insensitively and by base language', () => {
    expect(pickLanguage(['ZH-cn'])).toBe('zh-CN');
    expect(pickLanguage(['zh-TW'])).toBe('zh-CN');
    expect(pickLanguage(['en-GB'])).toBe('en');
  });

  it('skips unsupported or missing candidates and falls back to English', () => {
    expect(pickLanguage(['fr-FR', undefined, 'zh'])).toBe('zh-CN');
    expect(pickLanguage(['de', 'fr'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });
});

describe('detectLanguage', () => {
  afterEach(() => {
    localStorage.clear();
    vi.restoreAllMocks();
  });

  it('follows the browser languages when nothing is stored', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-CN', 'en']);
    expect(detectLanguage()).toBe('zh-CN');
  });

  it('prefers the stored choice over the browser languages', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-CN']);
    storeLanguage('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(detectLanguage()).toBe('en');
  });

  it('ignores a stored value it does not support', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-CN']);
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'klingon');
    expect(detectLanguage()).toBe('zh-CN');
  });
});

describe('createI18n', () => {
  it('translates synchronously and keeps <html lang> in step', async () => {
    const i18n = createI18n('zh-CN', allCatalogues);
    expect(i18n.t('nav.groups')).toBe('群组');
    expect(document.documentElement.lang).toBe('zh-CN');

    await i18n.changeLanguage('en');
    expect(i18n.t('nav.groups')).toBe('Groups');
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('loadI18n and switchLanguage', () => {
  afterEach(() => localStorage.clear());

  it('load the shown language’s core strings first, its pages part on demand, the other language on a switch', async () => {
    const i18n = await loadI18n('en');
    expect(i18n.t('nav.groups')).toBe('Groups');
    expect(i18n.hasCatalogue('en', 'core')).toBe(true);
    expect(i18n.hasCatalogue('en', 'pages')).toBe(false);
    expect(i18n.t('groupList.owner')).toBe('groupList.owner');

    const seen: string[] = [];
    i18n.subscribe(() => seen.push(i18n.t('groupList.owner')));
    await Promise.all([i18n.loadPages(), whenPagesLoaded()]);
    expect(i18n.t('groupList.owner')).toBe('Owner');
    // Components re-render when a part arrives.
    expect(seen).toEqual(['Owner']);
    expect(i18n.hasCatalogue('zh-CN')).toBe(false);

    await switchLanguage(i18n, 'zh-CN');
    expect(i18n.t('nav.groups')).toBe('群组');
    expect(i18n.hasCatalogue('zh-CN')).toBe(true);
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('with the pages part asked for at the start, gets it without waiting for a route to ask', async () => {
    const i18n = await loadI18n('en', { withPages: true });
    await vi.waitFor(() => expect(i18n.hasCatalogue('en', 'pages')).toBe(true));
    expect(i18n.t('groupList.owner')).toBe('Owner');
  });

  it('loadPages waits for a download already on its way instead of starting another', async () => {
    let arrive: (pages: { groupList: { owner: string } }) => void = () => {};
    const downloading = new Promise<{ groupList: { owner: string } }>((resolve) => (arrive = resolve));
    const i18n = createI18n('en', { en: { nav: { groups: 'Groups' } } as never }, ['core'], { lng: 'en', pages: downloading as never });
    let done = false;
    const waiting = i18n.loadPages().then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    arrive({ groupList: { owner: 'Held owner' } });
    await waiting;
    // The held answer, not the real catalogue fetched again.
    expect(i18n.t('groupList.owner')).toBe('Held owner');
    expect(i18n.hasCatalogue('en', 'pages')).toBe(true);
  });
});

describe('needsPages', () => {
  it('is false for the home page and the users list (the first screen), true for every other page', () => {
    for (const path of ['/', '/demo', '/demo/', '/demo/users', '/demo/users/']) expect(needsPages(path)).toBe(false);
    for (const path of ['/demo/users/alice', '/demo/groups', '/demo/groups/180000000104729', '/demo/audit', '/demo-agora/relationship']) expect(needsPages(path)).toBe(true);
  });
});
