// The index lives in the console's database, one per app: keys start with the app too, and the
// status and every search sit under `all(app)`, so a build, cancel or drop refreshes both at once.
export const userSearchKeys = {
  all: (app: string) => ['im-console', app, 'user-index'] as const,
  status: (app: string) => [...userSearchKeys.all(app), 'status'] as const,
  searches: (app: string) => [...userSearchKeys.all(app), 'search'] as const,
  search: (app: string, params: { q: string; limit: number; cursor?: string }) => [...userSearchKeys.searches(app), params] as const,
};
