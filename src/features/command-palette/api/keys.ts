// The palette's own cache entries: its lookups go through the sources the route passes, which
// read the owning features' caches, so these keys only remember what the palette asked.
export const paletteKeys = {
  all: (app: string) => ['command-palette', app] as const,
  users: (app: string, text: string) => [...paletteKeys.all(app), 'users', text] as const,
  user: (app: string, username: string) => [...paletteKeys.all(app), 'user', username] as const,
  group: (app: string, groupId: string) => [...paletteKeys.all(app), 'group', groupId] as const,
  groups: (app: string) => [...paletteKeys.all(app), 'groups'] as const,
};
