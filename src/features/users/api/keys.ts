// Keys start with the app, so cached rows of one app never show in another.
export const userKeys = {
  all: (app: string) => ['im', app, 'users'] as const,
  lists: (app: string) => [...userKeys.all(app), 'list'] as const,
  list: (app: string, params: { limit: number; cursor?: string }) => [...userKeys.lists(app), params] as const,
  detail: (app: string, username: string) => [...userKeys.all(app), 'detail', username] as const,
};
