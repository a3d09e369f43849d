/**
 * The root of every cached IM API answer: first the app, so cached rows of one app never show in
 * another, then the kind of data. Each feature's key factory (`features/<f>/api/keys.ts`) builds on
 * its root here. The roots live in lib because features reach into each other's data: deleting a
 * user deletes the groups they own, and the users feature cannot import the groups feature's keys.
 */
export const imKeys = {
  all: ['im'] as const,
  /** Everything cached for one app. */
  app: (app: string) => [...imKeys.all, app] as const,
  users: (app: string) => [...imKeys.app(app), 'users'] as const,
  groups: (app: string) => [...imKeys.app(app), 'groups'] as const,
  friends: (app: string) => [...imKeys.app(app), 'friends'] as const,
  blocks: (app: string) => [...imKeys.app(app), 'blocks'] as const,
};
