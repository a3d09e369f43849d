// Keys start with the app, so cached rows of one app never show in another.
export const groupKeys = {
  all: (app: string) => ['im', app, 'groups'] as const,
  lists: (app: string) => [...groupKeys.all(app), 'list'] as const,
  list: (app: string, params: { limit: number; cursor?: string }) => [...groupKeys.lists(app), params] as const,
  detail: (app: string, groupId: string) => [...groupKeys.all(app), 'detail', groupId] as const,
  /** Everything about one group's people: roster pages, admins, mutes, lists. */
  roster: (app: string, groupId: string) => [...groupKeys.all(app), 'roster', groupId] as const,
  members: (app: string, groupId: string, params: { pagenum: number; pagesize: number }) =>
    [...groupKeys.roster(app, groupId), 'members', params] as const,
};
