import { imKeys } from '@/lib/query/im-keys';

// Under the app's groups root (imKeys.groups), which the users feature invalidates when a deleted
// user's groups go with them.
export const groupKeys = {
  all: (app: string) => imKeys.groups(app),
  lists: (app: string) => [...groupKeys.all(app), 'list'] as const,
  list: (app: string, params: { limit: number; cursor?: string }) => [...groupKeys.lists(app), params] as const,
  detail: (app: string, groupId: string) => [...groupKeys.all(app), 'detail', groupId] as const,
  /** Everything about one group's people: roster pages, admins, mutes, lists. */
  roster: (app: string, groupId: string) => [...groupKeys.all(app), 'roster', groupId] as const,
  members: (app: string, groupId: string, params: { pagenum: number; pagesize: number }) =>
    [...groupKeys.roster(app, groupId), 'members', params] as const,
  admins: (app: string, groupId: string) => [...groupKeys.roster(app, groupId), 'admins'] as const,
  mutes: (app: string, groupId: string) => [...groupKeys.roster(app, groupId), 'mutes'] as const,
  blacklist: (app: string, groupId: string) => [...groupKeys.roster(app, groupId), 'blacklist'] as const,
  whitelist: (app: string, groupId: string) => [...groupKeys.roster(app, groupId), 'whitelist'] as const,
  /** Member attributes: one member's, or one key across several members. */
  attributes: (app: string, groupId: string) => [...groupKeys.roster(app, groupId), 'attributes'] as const,
  memberAttributes: (app: string, groupId: string, username: string) => [...groupKeys.attributes(app, groupId), 'member', username] as const,
  /** Every attribute of several members (what a removal would take away). */
  membersAttributes: (app: string, groupId: string, usernames: readonly string[]) => [...groupKeys.attributes(app, groupId), 'members', usernames] as const,
  attributeAcross: (app: string, groupId: string, key: string, usernames: readonly string[]) =>
    [...groupKeys.attributes(app, groupId), 'across', key, usernames] as const,
};
