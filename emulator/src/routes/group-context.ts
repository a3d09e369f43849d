import { findGroup, type GroupRow } from '../db/groups.js';
import { findUser, type UserRow } from '../db/users.js';
import { ImError, errors } from '../http/errors.js';
import { normalizeUsername, splitNames, type Ctx } from '../http/respond.js';

export const MAX_GROUP_BATCH = 60;

export function requireGroup(c: Ctx, notFound: (id: string) => ImError = errors.groupNotFound): GroupRow {
  const id = c.req.param('groupId') ?? '';
  const group = findGroup(c.get('emu').db, id);
  if (!group) throw notFound(id);
  return group;
}

export function requireUserIn(c: Ctx, raw: string): UserRow {
  const user = findUser(c.get('emu').db, normalizeUsername(raw));
  if (!user) throw new ImError(404, 'resource_not_found', `username ${raw} doesn't exist!`);
  return user;
}

/** Names from a `{u}` or `{u1,u2}` path segment, with the per-call limit enforced. */
export function namesFromPath(c: Ctx, param: string, tooMany: string): string[] {
  const names = splitNames(c.req.param(param) ?? '');
  if (names.length === 0) throw errors.invalidParameter('no username given');
  if (names.length > MAX_GROUP_BATCH) throw errors.invalidParameter(tooMany);
  return names;
}
