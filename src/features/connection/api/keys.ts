export const connectionKeys = {
  all: ['connection'] as const,
  apps: () => [...connectionKeys.all, 'apps'] as const,
  health: (app: string) => [...connectionKeys.all, 'health', app] as const,
};
