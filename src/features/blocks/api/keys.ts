import { imKeys } from '@/lib/query/im-keys';

// Keys start with the app, then the owner of the blacklist: everything about one user's blacklist
// sits under `user(app, username)`, so a change invalidates it in one line.
export const blockKeys = {
  all: (app: string) => imKeys.blocks(app),
  user: (app: string, username: string) => [...blockKeys.all(app), username] as const,
  /** One page of `GET P/users/{u}/blocks/users?pageSize&cursor`. */
  page: (app: string, username: string, params: { limit: number; cursor?: string }) => [...blockKeys.user(app, username), 'page', params] as const,
  /** The same call with neither parameter: the newest 500, which is the whole list (the cap is 500). */
  allNames: (app: string, username: string) => [...blockKeys.user(app, username), 'all'] as const,
};
