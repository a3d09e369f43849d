import { imKeys } from '@/lib/query/im-keys';

// Keys start with the app, so cached rows of one app never show in another; everything about one
// user sits under `user(app, username)`, so a change to that user invalidates it in one line.
export const userKeys = {
  all: (app: string) => imKeys.users(app),
  lists: (app: string) => [...userKeys.all(app), 'list'] as const,
  list: (app: string, params: { limit: number; cursor?: string }) => [...userKeys.lists(app), params] as const,
  /** Every batch of online statuses. */
  statusBatches: (app: string) => [...userKeys.all(app), 'statuses'] as const,
  /** Online status of a page of users (one batch call). */
  statuses: (app: string, usernames: readonly string[]) => [...userKeys.statusBatches(app), usernames] as const,
  user: (app: string, username: string) => [...userKeys.all(app), 'user', username] as const,
  detail: (app: string, username: string) => [...userKeys.user(app, username), 'detail'] as const,
  status: (app: string, username: string) => [...userKeys.user(app, username), 'status'] as const,
  offlineCount: (app: string, username: string) => [...userKeys.user(app, username), 'offline-count'] as const,
  offlineStatus: (app: string, username: string, messageId: string) => [...userKeys.user(app, username), 'offline-status', messageId] as const,
  /** The groups a user owns (deleting the user deletes them). */
  ownedGroups: (app: string, username: string) => [...userKeys.user(app, username), 'owned-groups'] as const,
  joinedGroups: (app: string, username: string, params: { pagenum: number; pagesize: number }) =>
    [...userKeys.user(app, username), 'joined-groups', params] as const,
};
