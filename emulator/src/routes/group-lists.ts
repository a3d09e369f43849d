import { Hono } from 'hono';
import { z } from 'zod';
import { activeMutes, leaveGroup, roleOf, type GroupRow } from '../db/groups.js';
import { perUserResult, runPerUser, type ItemOutcome } from '../http/batch.js';
import { ImError, errors } from '../http/errors.js';
import { envelope, looseInt, normalizeUsername, parseBody, type Ctx } from '../http/respond.js';
import type { Env } from '../http/types.js';
import { MAX_GROUP_BATCH, namesFromPath, requireGroup } from './group-context.js';

// The group blacklist, whitelist and mute list: three lists of members with the same call shapes.

const usernamesBody = z.object({ usernames: z.array(z.string()).min(1) });

function listOf(c: Ctx, table: 'group_blocks' | 'group_whitelist', g: GroupRow): string[] {
  return c.get('emu').db.prepare(`SELECT username FROM ${table} WHERE groupid = ? ORDER BY seq`).pluck().all(g.groupid) as string[];
}

function inList(c: Ctx, table: 'group_blocks' | 'group_whitelist' | 'group_mutes', g: GroupRow, name: string) {
  return c.get('emu').db.prepare(`SELECT 1 FROM ${table} WHERE groupid = ? AND username = ?`).get(g.groupid, name) !== undefined;
}

/** Only members can be listed, and never the owner. */
function requireListableMember(c: Ctx, g: GroupRow, name: string) {
  const role = roleOf(c.get('emu').db, g.groupid, name);
  if (!role) throw errors.notMembers([name]);
  if (role === 'owner') throw errors.onOwner();
}

// Blocked users leave the group and cannot rejoin until they are unblocked.
function block(c: Ctx, g: GroupRow, name: string) {
  requireListableMember(c, g, name);
  const { db } = c.get('emu');
  leaveGroup(db, g.groupid, name);
  db.prepare('INSERT OR IGNORE INTO group_blocks (groupid, username) VALUES (?, ?)').run(g.groupid, name);
}

function unblock(c: Ctx, g: GroupRow, name: string) {
  if (!inList(c, 'group_blocks', g, name)) throw errors.notMembers([name]);
  c.get('emu').db.prepare('DELETE FROM group_blocks WHERE groupid = ? AND username = ?').run(g.groupid, name);
}

function whitelist(c: Ctx, g: GroupRow, name: string) {
  if (!roleOf(c.get('emu').db, g.groupid, name)) throw errors.notMembers([name]);
  c.get('emu').db.prepare('INSERT OR IGNORE INTO group_whitelist (groupid, username) VALUES (?, ?)').run(g.groupid, name);
}

function unwhitelist(c: Ctx, g: GroupRow, name: string) {
  if (!inList(c, 'group_whitelist', g, name)) throw errors.notMembers([name]);
  c.get('emu').db.prepare('DELETE FROM group_whitelist WHERE groupid = ? AND username = ?').run(g.groupid, name);
}

function batchNames(usernames: string[], tooMany: string): string[] {
  if (usernames.length > MAX_GROUP_BATCH) throw errors.invalidParameter(tooMany);
  return [...new Set(usernames.map(normalizeUsername))];
}

const inTransaction = <T>(c: Ctx, fn: () => T): T => c.get('emu').db.transaction(fn)();

const results = (outcomes: ItemOutcome[], action: string, g: GroupRow) =>
  outcomes.map((o) => perUserResult(o, { action, groupid: g.groupid }));

export const groupListRoutes = new Hono<Env>()
  // ---- blacklist ----
  .get('/chatgroups/:groupId/blocks/users', (c) => {
    const g = requireGroup(c);
    const names = listOf(c, 'group_blocks', g);
    return envelope(c, 'get', { data: names, count: names.length });
  })
  .post('/chatgroups/:groupId/blocks/users/:username', (c) => {
    const g = requireGroup(c);
    const name = normalizeUsername(c.req.param('username'));
    inTransaction(c, () => block(c, g, name));
    return envelope(c, 'post', { data: { result: true, action: 'add_blocks', user: name, groupid: g.groupid } });
  })
  .post('/chatgroups/:groupId/blocks/users', async (c) => {
    const { usernames } = await parseBody(c, usernamesBody);
    const g = requireGroup(c);
    const names = batchNames(usernames, `userNames is more than max limit : ${MAX_GROUP_BATCH}`);
    const outcomes = inTransaction(c, () => runPerUser(names, (n) => block(c, g, n)));
    // The documented batch answer words a non-member's reason as "user: X doesn't exist in group: G".
    const reasoned = outcomes.map((o): ItemOutcome =>
      !o.ok && o.error.description === errors.notMembers([o.user]).description
        ? { ...o, error: new ImError(403, 'forbidden_op', `user: ${o.user} doesn't exist in group: ${g.groupid}`) }
        : o,
    );
    return envelope(c, 'post', { data: results(reasoned, 'add_blocks', g) });
  })
  .delete('/chatgroups/:groupId/blocks/users/:usernames', (c) => {
    const g = requireGroup(c);
    const names = namesFromPath(c, 'usernames', `removeBlacklist: list size more than max limit : ${MAX_GROUP_BATCH}`);
    if (!c.req.param('usernames').includes(',')) {
      inTransaction(c, () => unblock(c, g, names[0]!));
      return envelope(c, 'delete', { data: { result: true, action: 'remove_blocks', user: names[0], groupid: g.groupid } });
    }
    const outcomes = inTransaction(c, () => runPerUser(names, (n) => unblock(c, g, n)));
    return envelope(c, 'delete', { data: results(outcomes, 'remove_blocks', g) });
  })

  // ---- whitelist: may speak while everyone is muted ----
  .get('/chatgroups/:groupId/white/users', (c) => {
    const g = requireGroup(c);
    const names = listOf(c, 'group_whitelist', g);
    return envelope(c, 'get', { data: names, count: names.length });
  })
  .post('/chatgroups/:groupId/white/users/:username', (c) => {
    const g = requireGroup(c);
    const name = normalizeUsername(c.req.param('username'));
    inTransaction(c, () => whitelist(c, g, name));
    return envelope(c, 'post', { data: { result: true, action: 'add_user_whitelist', user: name, groupid: g.groupid } });
  })
  .post('/chatgroups/:groupId/white/users', async (c) => {
    const { usernames } = await parseBody(c, usernamesBody);
    const g = requireGroup(c);
    const names = batchNames(usernames, `usernames size is more than max limit : ${MAX_GROUP_BATCH}`);
    const outcomes = inTransaction(c, () => runPerUser(names, (n) => whitelist(c, g, n)));
    return envelope(c, 'post', { data: results(outcomes, 'add_user_whitelist', g) });
  })
  .delete('/chatgroups/:groupId/white/users/:usernames', (c) => {
    const g = requireGroup(c);
    const names = namesFromPath(c, 'usernames', `removeWhitelist size is more than max limit : ${MAX_GROUP_BATCH}`);
    const outcomes = inTransaction(c, () => runPerUser(names, (n) => unwhitelist(c, g, n)));
    return envelope(c, 'delete', { data: results(outcomes, 'remove_user_whitelist', g) });
  })

  // ---- mutes ----
  .get('/chatgroups/:groupId/mute', (c) => {
    const g = requireGroup(c);
    return envelope(c, 'get', { data: activeMutes(c.get('emu').db, g.groupid, c.get('emu').now()) });
  })
  .post('/chatgroups/:groupId/mute', async (c) => {
    const { db, now } = c.get('emu');
    const body = await parseBody(
      c,
      z.object({
        usernames: z.array(z.string()).min(1),
        // Milliseconds; -1 mutes until unmuted.
        mute_duration: looseInt.pipe(z.number().refine((n) => n === -1 || n > 0, 'mute_duration must be -1 or a positive number of ms')),
      }),
    );
    const g = requireGroup(c);
    const names = batchNames(body.usernames, `userNames size is more than max limit : ${MAX_GROUP_BATCH}`);
    const expire = body.mute_duration === -1 ? -1 : now() + body.mute_duration;
    const outcomes = inTransaction(c, () =>
      runPerUser(names, (n) => {
        requireListableMember(c, g, n);
        db.prepare(
          'INSERT INTO group_mutes (groupid, username, expire) VALUES (?, ?, ?) ON CONFLICT(groupid, username) DO UPDATE SET expire = excluded.expire',
        ).run(g.groupid, n, expire);
      }),
    );
    return envelope(c, 'post', {
      data: outcomes.map((o) =>
        o.ok ? { result: true, expire, user: o.user } : { result: false, reason: o.error.description, user: o.user },
      ),
    });
  })
  .delete('/chatgroups/:groupId/mute/:usernames', (c) => {
    const { db } = c.get('emu');
    const g = requireGroup(c);
    const names = namesFromPath(c, 'usernames', `removeMute member size more than max limit : ${MAX_GROUP_BATCH}`);
    const removed = inTransaction(c, () =>
      names.map((n) => ({
        result: db.prepare('DELETE FROM group_mutes WHERE groupid = ? AND username = ?').run(g.groupid, n).changes > 0,
        user: n,
      })),
    );
    return envelope(c, 'delete', { data: removed });
  })
  .post('/chatgroups/:groupId/ban', (c) => {
    const g = requireGroup(c);
    c.get('emu').db.prepare('UPDATE groups SET mute_all = 1 WHERE groupid = ?').run(g.groupid);
    return envelope(c, 'post', { data: { mute: true } });
  })
  .delete('/chatgroups/:groupId/ban', (c) => {
    const g = requireGroup(c);
    c.get('emu').db.prepare('UPDATE groups SET mute_all = 0 WHERE groupid = ?').run(g.groupid);
    return envelope(c, 'delete', { data: { mute: false } });
  });
