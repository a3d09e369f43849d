import type { TFunction } from '@/lib/i18n/translate';
import { actionFits, type Command, type PaletteGroup, type PalettePage, type PaletteTarget, type PaletteUser, type UserAction, type Verb, type Words } from './palette-model';

export type PaletteItem = {
  id: string;
  label: string;
  description?: string;
  /** Where Enter leads… */
  target?: PaletteTarget;
  /** …or the text the query becomes: the next step of a command ("mute alice in "). */
  fill?: string;
};
export type PaletteSection = { id: 'exact' | 'actions' | 'pages' | 'users' | 'groups' | 'more'; label: string; items: PaletteItem[] };

export const SHOWN = { users: 6, groups: 6, actions: 8 } as const;

export type BuildInput = {
  t: TFunction;
  command: Command;
  /** What each verb is typed as in the shown language (the first of its words), to fill in. */
  verbs: Record<Verb, string>;
  /** Every word each verb is known by (to offer "Ban a user…" while "ba" is typed). */
  words: Words;
  inWord: string;
  /** The verbs the operator's role may use. */
  may: Record<Verb, boolean>;
  /** The pages the operator may open, with their names. */
  pages: readonly { page: PalettePage; label: string }[];
  exactUser?: PaletteUser;
  /** Users for the user part of the text, the exact one first. */
  users: readonly PaletteUser[];
  moreUsers: boolean;
  exactGroup?: PaletteGroup;
  /** Groups for the group part of the text, the exact one first. */
  groups: readonly PaletteGroup[];
};

const VERBS: readonly Verb[] = ['ban', 'unban', 'disconnect', 'mute'];
const ASK = { ban: 'askBan', unban: 'askUnban', disconnect: 'askDisconnect', mute: 'askMute' } as const;
const EXAMPLE = { ban: 'exampleBan', unban: 'exampleUnban', disconnect: 'exampleDisconnect', mute: 'exampleMute' } as const;

function userItem(t: TFunction, u: PaletteUser, prefix: string): PaletteItem {
  const notes = [u.nickname && u.nickname !== u.username ? u.nickname : undefined, u.activated === false ? t('commandPalette.banned') : undefined].filter(Boolean);
  return { id: `${prefix}:${u.username}`, label: u.username, description: notes.join(' · ') || t('commandPalette.user'), target: { kind: 'user', username: u.username } };
}

const groupItem = (t: TFunction, g: PaletteGroup, prefix: string): PaletteItem => ({
  id: `${prefix}:${g.id}`,
  label: g.name || g.id,
  description: t('commandPalette.groupId', { id: g.id }),
  target: { kind: 'group', groupId: g.id },
});

function actionItem(t: TFunction, action: UserAction, u: PaletteUser): PaletteItem {
  return {
    id: `action:${action}:${u.username}`,
    label: t(`commandPalette.${action}`, { username: u.username }),
    description: [u.nickname && u.nickname !== u.username ? u.nickname : undefined, t('commandPalette.confirmFollows')].filter(Boolean).join(' · '),
    target: { kind: 'user-action', action, username: u.username },
  };
}

const muteItem = (t: TFunction, u: PaletteUser, g: PaletteGroup): PaletteItem => ({
  id: `action:mute:${u.username}:${g.id}`,
  label: t('commandPalette.mute', { username: u.username, group: g.name || g.id }),
  description: t('commandPalette.muteFollows', { username: u.username }),
  target: { kind: 'group-mute', groupId: g.id, username: u.username },
});

const muteInItem = (b: BuildInput, u: PaletteUser, typed: string): PaletteItem => ({
  id: `fill:mute:${u.username}`,
  label: b.t('commandPalette.muteIn', { username: u.username }),
  // The "in" in the language the verb was typed in: "mute alice in ", "禁言 alice 在 ".
  fill: `${typed} ${u.username} ${/^[a-z]/i.test(typed) ? 'in' : b.inWord} `,
});

const askItem = (b: BuildInput, verb: Verb): PaletteItem => ({
  id: `ask:${verb}`,
  label: b.t(`commandPalette.${ASK[verb]}`),
  description: b.t('commandPalette.askHint', { example: b.t(`commandPalette.${EXAMPLE[verb]}`) }),
  fill: `${b.verbs[verb]} `,
});

/** Users a verb can apply to now: a banned user is offered Unban, not Ban. */
const fitting = (action: UserAction, users: readonly PaletteUser[]) => users.filter((u) => actionFits(action, u));

/** The result sections for what was typed, in the order shown; empty sections are left out. */
export function buildSections(b: BuildInput): PaletteSection[] {
  const { t, command } = b;
  const sections: PaletteSection[] = [];
  const add = (id: PaletteSection['id'], label: string, items: PaletteItem[]) => {
    if (items.length > 0) sections.push({ id, label, items });
  };

  if (command.kind === 'user-action') {
    if (!command.user) add('actions', t('commandPalette.actions'), [askItem(b, command.verb)]);
    else add('actions', t('commandPalette.actions'), fitting(command.verb, b.users).slice(0, SHOWN.actions).map((u) => actionItem(t, command.verb, u)));
    return sections;
  }

  if (command.kind === 'mute') {
    if (!command.user) {
      add('actions', t('commandPalette.actions'), [askItem(b, 'mute')]);
    } else if (command.group === undefined) {
      add('actions', t('commandPalette.actions'), b.users.slice(0, SHOWN.actions).map((u) => muteInItem(b, u, command.typed)));
    } else {
      // The best two users (the exact name first) with each matching group.
      const items = b.users.slice(0, 2).flatMap((u) => b.groups.map((g) => muteItem(t, u, g)));
      add('actions', t('commandPalette.actions'), items.slice(0, SHOWN.actions));
    }
    return sections;
  }

  const text = command.text.toLowerCase();
  if (!text) {
    add('pages', t('commandPalette.pages'), b.pages.map((p) => ({ id: `page:${p.page}`, label: p.label, target: { kind: 'page', page: p.page } })));
    add('actions', t('commandPalette.actions'), VERBS.filter((v) => b.may[v]).map((v) => askItem(b, v)));
    return sections;
  }

  add('exact', t('commandPalette.exact'), [
    ...(b.exactUser ? [userItem(t, b.exactUser, 'exact-user')] : []),
    ...(b.exactGroup ? [groupItem(t, b.exactGroup, 'exact-group')] : []),
  ]);
  add(
    'pages',
    t('commandPalette.pages'),
    b.pages.filter((p) => p.label.toLowerCase().includes(text) || p.page.includes(text)).map((p) => ({ id: `page:${p.page}`, label: p.label, target: { kind: 'page', page: p.page } })),
  );
  const exactName = b.exactUser?.username;
  add('users', t('commandPalette.users'), b.users.filter((u) => u.username !== exactName).slice(0, SHOWN.users).map((u) => userItem(t, u, 'user')));
  const exactId = b.exactGroup?.id;
  add('groups', t('commandPalette.groups'), b.groups.filter((g) => g.id !== exactId).slice(0, SHOWN.groups).map((g) => groupItem(t, g, 'group')));

  // What can be done to the user named exactly, and the commands whose word is being typed ("ba…").
  const actions: PaletteItem[] = [];
  const u = b.exactUser;
  if (u) {
    for (const action of ['ban', 'unban', 'disconnect'] as const) if (b.may[action] && actionFits(action, u)) actions.push(actionItem(t, action, u));
    if (b.may.mute) actions.push(muteInItem(b, u, b.verbs.mute));
  }
  if (text.length >= 2) {
    for (const v of VERBS) if (b.may[v] && b.words[v].some((w) => w.toLowerCase().startsWith(text))) actions.push(askItem(b, v));
  }
  add('actions', t('commandPalette.actions'), actions);

  if (b.moreUsers) add('more', t('commandPalette.users'), [{ id: 'more-users', label: t('commandPalette.moreUsers', { query: command.text }), target: { kind: 'user-search', q: command.text } }]);
  return sections;
}
