import { imKeys } from '@/lib/query/im-keys';

// Keys start with the app, then the owner: everything about one user's friends sits under
// `user(app, username)`, so a change invalidates it in one line. Friendship is mutual, so a change
// between A and B invalidates both A's and B's.
export const friendKeys = {
  all: (app: string) => imKeys.friends(app),
  user: (app: string, username: string) => [...friendKeys.all(app), username] as const,
  /** One page of `GET P/user/{u}/contacts` (with remarks). */
  page: (app: string, username: string, params: { limit: number; cursor?: string }) => [...friendKeys.user(app, username), 'page', params] as const,
  /** `GET P/users/{u}/contacts/users`: every name at once. */
  allNames: (app: string, username: string) => [...friendKeys.user(app, username), 'all'] as const,
};
