// What the command palette understands and where its results lead. Pure: the palette component
// fetches, this file decides. The palette knows no router and no other feature: the route that
// mounts it passes the lookups (`PaletteSources`) and turns a `PaletteTarget` into a URL.

export type PalettePage = 'users' | 'groups' | 'register' | 'relationship' | 'audit' | 'search-settings';
export type UserAction = 'ban' | 'unban' | 'disconnect';

/** Where a result leads; actions lead to the place that asks for their one confirmation. */
export type PaletteTarget =
  | { kind: 'page'; page: PalettePage }
  | { kind: 'user'; username: string }
  | { kind: 'group'; groupId: string }
  | { kind: 'user-action'; action: UserAction; username: string }
  | { kind: 'group-mute'; groupId: string; username: string }
  | { kind: 'user-search'; q: string };

export type PaletteUser = { username: string; nickname?: string; activated?: boolean };
export type PaletteGroup = { id: string; name: string };

export type UserSearchResult = {
  users: PaletteUser[];
  /** More matches than were returned. */
  more: boolean;
  /** 'building': the index is still being walked; 'none': never built. Either way some users are missing. */
  index: 'complete' | 'building' | 'none';
};
export type GroupList = { groups: PaletteGroup[]; /** Set when the listing stopped before the app's last group. */ cappedAt?: number };

/** The lookups the palette makes; "not found" resolves to undefined, anything else rejects. */
export type PaletteSources = {
  /** Users whose username or nickname contains the text (the console's user index). */
  searchUsers: (text: string) => Promise<UserSearchResult>;
  /** The user with exactly this name, read from the API (works without an index). */
  findUser: (username: string) => Promise<PaletteUser | undefined>;
  /** The group with exactly this ID. */
  findGroup: (groupId: string) => Promise<PaletteGroup | undefined>;
  /** The app's groups, filtered by name here (the API has no group search). */
  listGroups: () => Promise<GroupList>;
};

export type Verb = UserAction | 'mute';

export type Command =
  | { kind: 'find'; text: string }
  | { kind: 'user-action'; verb: UserAction; user: string; typed: string }
  /** `group` is undefined until the "in" is typed; then the text after it (maybe empty). */
  | { kind: 'mute'; user: string; group?: string; typed: string };

export type Words = Record<Verb | 'in', readonly string[]>;

/** Always understood, whatever the language shown: the commands' own words. */
export const ENGLISH_WORDS: Words = {
  ban: ['ban'],
  unban: ['unban'],
  disconnect: ['force', 'offline', 'disconnect', 'kick'],
  mute: ['mute'],
  in: ['in group', 'in'],
};

/**
 * The English words plus the shown language's own, given comma-separated ("强制下线,下线"). Each list
 * longest first, so "in group" wins over "in".
 */
export function mergeWords(local: Partial<Record<Verb | 'in', string>>): Words {
  const own = (key: Verb | 'in') => (local[key] ?? '').split(',').map((w) => w.trim()).filter(Boolean);
  const merge = (key: Verb | 'in') => [...new Set([...ENGLISH_WORDS[key], ...own(key)])].sort((a, b) => b.length - a.length);
  return { ban: merge('ban'), unban: merge('unban'), disconnect: merge('disconnect'), mute: merge('mute'), in: merge('in') };
}

const LATIN_END = /[a-z0-9]$/i;

/**
 * The text after `word` at the start of `text`, or undefined. A Latin word must be followed by a
 * space ("banana" is no "ban"); a Chinese one needs none ("封禁alice").
 */
function after(text: string, word: string): string | undefined {
  if (!text.toLowerCase().startsWith(word.toLowerCase())) return undefined;
  const rest = text.slice(word.length);
  if (LATIN_END.test(word) && !/^\s/.test(rest)) return undefined;
  return rest.trim();
}

function firstAfter(text: string, words: readonly string[]): { word: string; rest: string } | undefined {
  for (const word of words) {
    const rest = after(text, word);
    if (rest !== undefined) return { word, rest };
  }
  return undefined;
}

/** A username token ([a-z0-9_.-]) or, for a nickname, everything up to the first space. */
function leadingName(text: string): string {
  return /^[a-z0-9_.-]+/i.exec(text)?.[0] ?? /^\S+/.exec(text)?.[0] ?? '';
}

/**
 * What the typed text asks for. A verb counts once something follows it ("ban " with the space,
 * "ban alice"); "ban" alone is still a search, which also offers "Ban a user…".
 */
export function parseCommand(raw: string, words: Words): Command {
  const text = raw.replace(/^\s+/, '');
  const find: Command = { kind: 'find', text: text.trim() };
  const hasMore = (word: string) => text.length > word.length;

  // "unban" before "ban" is not needed (a Latin word must end at a space), but harmless.
  for (const verb of ['unban', 'ban'] as const) {
    const hit = firstAfter(text, words[verb]);
    if (hit && hasMore(hit.word)) return { kind: 'user-action', verb, user: leadingName(hit.rest), typed: hit.word };
  }
  const off = firstAfter(text, words.disconnect);
  if (off && hasMore(off.word)) {
    // "force alice offline", "force offline alice", "offline alice"
    let rest = firstAfter(off.rest, words.disconnect)?.rest ?? off.rest;
    for (const word of words.disconnect) {
      if (rest.toLowerCase().endsWith(` ${word.toLowerCase()}`)) rest = rest.slice(0, -word.length - 1).trim();
    }
    return { kind: 'user-action', verb: 'disconnect', user: leadingName(rest), typed: off.word };
  }
  const mute = firstAfter(text, words.mute);
  if (mute && hasMore(mute.word)) {
    const user = leadingName(mute.rest);
    const tail = mute.rest.slice(user.length).trim();
    if (!tail) return { kind: 'mute', user, typed: mute.word };
    // "in All Hands", "in group All Hands", "在 全员大群", or just "All Hands"; "in" alone asks for the list.
    if (words.in.some((w) => tail.toLowerCase() === w.toLowerCase())) return { kind: 'mute', user, group: '', typed: mute.word };
    return { kind: 'mute', user, group: firstAfter(tail, words.in)?.rest ?? tail, typed: mute.word };
  }
  return find;
}

/** The documented username rule (capitals are stored in lower case). */
export const looksLikeUsername = (text: string) => text.length > 0 && text.length <= 64 && /^[a-z0-9_.-]+$/i.test(text);
/** Group IDs are numbers. */
export const looksLikeGroupId = (text: string) => /^\d{1,32}$/.test(text);

/** Exact match first, then the others without it. */
export function withExact<T>(exact: T | undefined, others: readonly T[], same: (a: T, b: T) => boolean): T[] {
  return exact ? [exact, ...others.filter((o) => !same(o, exact))] : [...others];
}

/** Groups whose name (any case) or ID contains the text; names that start with it first. */
export function matchGroups(groups: readonly PaletteGroup[], text: string): PaletteGroup[] {
  const q = text.trim().toLowerCase();
  if (!q) return [...groups];
  const hits = groups.filter((g) => g.name.toLowerCase().includes(q) || g.id.includes(q));
  const starts = (g: PaletteGroup) => (g.name.toLowerCase().startsWith(q) ? 0 : 1);
  return hits.sort((a, b) => starts(a) - starts(b));
}

/** Whether an action fits the user's state as far as it is known (a banned user is not banned again). */
export function actionFits(action: UserAction, user: PaletteUser): boolean {
  if (action === 'ban') return user.activated !== false;
  if (action === 'unban') return user.activated !== true;
  return user.activated !== false;
}
