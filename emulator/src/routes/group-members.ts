import { Hono } from 'hono';
import { z } from 'zod';
import { addMember, isGroupBlocked, joinedCount, leaveGroup, memberCount, roleOf, type GroupRow } from '../db/groups.js';
import { userExists } from '../db/users.js';
import { perUserResult, runPerUser, type ItemOutcome } from '../http/batch.js';
import { ImError, errors } from '../http/errors.js';
import { decodeCursor, echoParams, encodeCursor, envelope, normalizeUsername, parseBody, queryInt, type Ctx } from '../http/respond.js';
import type { Env } from '../http/types.js';
import { MAX_GROUP_BATCH, namesFromPath, requireGroup, requireUserIn } from './group-context.js';

/** The checks before a user may join, in the order the service reports them. */
function admit(c: Ctx, g: GroupRow, username: string) {
  const { db, options } = c.get('emu');
  if (roleOf(db, g.groupid, username)) {
    throw new ImError(403, 'forbidden_op', `can not join this group, reason:user: ${username} already in group: ${g.groupid}\n`);
  }
  if (isGroupBlocked(db, g.groupid, username)) {
    throw new ImError(403, 'forbidden_op', `can not join this group, reason:user: ${username} is in the blacklist of group: ${g.groupid}\n`);
  }
  if (joinedCount(db, username) >= options.joinedGroupCap) {
    throw new ImError(403, 'exceed_limit', `user ${username} has joined too many groups!`);
  }
  if (memberCount(db, g.groupid) >= g.maxusers) {
    throw new ImError(403, 'exceed_limit', 'members size is greater than max user size !');
  }
  addMember(db, g.groupid, username);
}

/** The checks before a member is removed: the owner stays, non-members cannot be removed. */
function dismiss(c: Ctx, g: GroupRow, username: string) {
  const { db } = c.get('emu');
  const role = roleOf(db, g.groupid, username);
  if (!role) throw errors.notMembers([username]);
  if (role === 'owner') throw errors.onOwner();
  leaveGroup(db, g.groupid, username);
}

// ---- the web SDK's cursor form of the roster -------------------------------------------------

const ROSTER_CURSOR = 'roster';

/** `limit`/`cursor` instead of `pagenum`/`pagesize` (the web SDK, which may send `cursor=undefined`). */
function usesCursorForm(c: Ctx): boolean {
  const q = c.req.query();
  return !('pagenum' in q || 'pagesize' in q) && ('limit' in q || 'cursor' in q);
}

/**
 * `GET …/users?limit&cursor[&joined_time=true]`: `data [{owner|admin|member: u, joined_time}]`, the
 * owner first, then by joining order; the next cursor at the top level, `""` on the last page
 * (what the web SDK reads to stop).
 */
function cursorRoster(c: Ctx, g: GroupRow) {
  const { db } = c.get('emu');
  const limit = queryInt(c, 'limit', { fallback: 20, min: 1, max: 1000, clampHigh: true });
  const after = decodeCursor(c, ROSTER_CURSOR);
  // The owner leads the first page only; later pages are a keyset walk over everyone else.
  const owner = after === undefined ? [{ username: g.owner, role: 'owner', seq: 0 }] : [];
  const others = db
    .prepare(`SELECT username, role, seq FROM group_members WHERE groupid = ? AND role != 'owner' AND seq > ? ORDER BY seq LIMIT ?`)
    .all(g.groupid, after ?? 0, limit - owner.length + 1) as { username: string; role: string; seq: number }[];
  const more = others.length > limit - owner.length;
  const page = [...owner, ...others.slice(0, limit - owner.length)];
  const last = page[page.length - 1];
  // The emulator does not record when a member joined: every entry carries the group's creation time.
  return envelope(c, 'get', {
    params: echoParams(c),
    data: page.map((r) => ({ [r.role]: r.username, joined_time: g.created })),
    count: page.length,
    cursor: more && last ? encodeCursor(ROSTER_CURSOR, last.seq) : '',
  });
}

export const groupMemberRoutes = new Hono<Env>()
  .get('/chatgroups/:groupId/users', (c) => {
    const { db } = c.get('emu');
    const g = requireGroup(c, (id) => new ImError(404, 'service_resource_not_found', `do not find this group:${id}`));
    if (usesCursorForm(c)) return cursorRoster(c, g);
    const pagenum = queryInt(c, 'pagenum', { fallback: 1, min: 1, max: 1_000_000 });
    // Documented: above 1000 the service returns 1000.
    const pagesize = queryInt(c, 'pagesize', { fallback: 1000, min: 1, max: 1000, clampHigh: true });
    const rows = db
      .prepare(
        `SELECT username, role FROM group_members WHERE groupid = ?
         ORDER BY role = 'owner' DESC, seq LIMIT ? OFFSET ?`,
      )
      .all(g.groupid, pagesize, (pagenum - 1) * pagesize) as { username: string; role: string }[];
    return envelope(c, 'get', {
      params: echoParams(c),
      data: rows.map((r) => (r.role === 'owner' ? { owner: r.username } : { member: r.username })),
      count: rows.length,
    });
  })

  .post('/chatgroups/:groupId/users/:username', (c) => {
    const { db } = c.get('emu');
    const g = requireGroup(c);
    const user = requireUserIn(c, c.req.param('username'));
    db.transaction(() => admit(c, g, user.username))();
    return envelope(c, 'post', { data: { result: true, groupid: g.groupid, action: 'add_member', user: user.username } });
  })

  .post('/chatgroups/:groupId/users', async (c) => {
    const { db } = c.get('emu');
    const { usernames } = await parseBody(c, z.object({ usernames: z.array(z.string()).min(1) }));
    const g = requireGroup(c);
    if (usernames.length > MAX_GROUP_BATCH) throw new ImError(403, 'exceed_limit', 'members size is greater than max user size !');
    const names = [...new Set(usernames.map(normalizeUsername))];
    for (const name of names) requireUserIn(c, name);
    let added: string[] = [];
    db.transaction(() => {
      const outcomes = runPerUser(names, (name) => admit(c, g, name));
      added = outcomes.filter((o) => o.ok).map((o) => o.user);
    })();
    return envelope(c, 'post', { data: { newmembers: added, groupid: g.groupid, action: 'add_member' } });
  })

  .delete('/chatgroups/:groupId/users/:usernames', (c) => {
    const { db } = c.get('emu');
    const g = requireGroup(c);
    const raw = c.req.param('usernames');
    const names = namesFromPath(c, 'usernames', `kickMember: kickMembers number more than maxSize : ${MAX_GROUP_BATCH}`);
    if (!raw.includes(',')) {
      db.transaction(() => dismiss(c, g, names[0]!))();
      return envelope(c, 'delete', { data: { result: true, action: 'remove_member', user: names[0], groupid: g.groupid } });
    }
    const outcomes = db.transaction(() => runPerUser(names, (name) => dismiss(c, g, name)))();
    // The documented batch answer gives a user that does not exist its own reason.
    const reasoned = outcomes.map((o): ItemOutcome =>
      !o.ok && !userExists(db, o.user) ? { ...o, error: new ImError(403, 'forbidden_op', `user ${o.user} doesn't exist.`) } : o,
    );
    return envelope(c, 'delete', {
      data: reasoned.map((o) => perUserResult(o, { action: 'remove_member', groupid: g.groupid })),
    });
  });
