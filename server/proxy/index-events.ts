import { userFromApi, type IndexedUser, type UserIndexEvent } from '../user-index/index.js';

// What a successful proxied call changed in the user index. The proxy knows the route; the
// index only hears typed events (user-index/events.ts).

const entitiesOf = (answer: unknown): object[] => {
  const entities = (answer as { entities?: unknown } | null | undefined)?.entities;
  return Array.isArray(entities) ? entities.filter((e): e is object => typeof e === 'object' && e !== null) : [];
};

/**
 * The index events of one call that the IM host answered with success: `pattern` is the route
 * (`users/{username}`), `params` its path parameters, `request` and `answer` the parsed bodies.
 */
export function userIndexEvents(method: string, pattern: string, params: Record<string, string>, request: unknown, answer: unknown): UserIndexEvent[] {
  const username = params.username;
  if (method === 'POST' && pattern === 'users') {
    // The answer, not the request: it holds the users the host actually created.
    const users = entitiesOf(answer).map(userFromApi).filter((u): u is IndexedUser => !!u);
    return users.length > 0 ? [{ type: 'registered', users }] : [];
  }
  if (method === 'DELETE' && pattern === 'users') {
    const usernames = entitiesOf(answer).flatMap((e) => {
      const name = (e as { username?: unknown }).username;
      return typeof name === 'string' ? [name] : [];
    });
    return usernames.length > 0 ? [{ type: 'deleted', usernames }] : [];
  }
  if (username === undefined) return [];
  if (method === 'DELETE' && pattern === 'users/{username}') return [{ type: 'deleted', usernames: [username] }];
  if (method === 'PUT' && pattern === 'users/{username}') {
    // The nickname is the only edited field the index holds.
    const nickname = (request as { nickname?: unknown } | null | undefined)?.nickname;
    return typeof nickname === 'string' ? [{ type: 'nickname', username, nickname }] : [];
  }
  if (method === 'POST' && (pattern === 'users/{username}/activate' || pattern === 'users/{username}/deactivate')) {
    return [{ type: 'activation', username, activated: pattern.endsWith('/activate') }];
  }
  return [];
}
