import { createMemoryHistory, createRootRoute, createRouter } from '@tanstack/react-router';

/**
 * A router with no pages, for components rendered outside the app's route tree: links such as
 * UserLink build their addresses with it, as they do with the app's router.
 */
export function createTestRouter() {
  return createRouter({ routeTree: createRootRoute(), history: createMemoryHistory() });
}
