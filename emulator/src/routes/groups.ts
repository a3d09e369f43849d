import { Hono } from 'hono';
import { z } from 'zod';
import {
  findGroup,
  insertGroup,
  memberCount,
  roleOf,
  type GroupRow,
} from '../db/groups.js';
import { findUser } from '../db/users.js';
import { ImError, errors } from '../http/errors.js';
import {
  decodeCursor,
  echoParams,
  envelope,
  keysetPage,
  looseBool,
  looseInt,
  normalizeUsername,
  parseBody,
  queryInt,
  readJson,
  validate,
  type Ctx,
} from '../http/respond.js';
import type { Env } from '../http/types.js';
import { requireGroup } from './group-context.js';

// Not in the seeds, but the console needs them to navigate: list, details, create, delete, update,
// and a user's groups (shapes from the public SDKs, see STACK-NOTES.md).

const MAX_CREATE_MEMBERS = 100;

const createGroup = z.object({
  groupname: z.string().min(1).max(128),
  description: z.string().max(512).default(''),
  public: looseBool.default(true),
  maxusers: looseInt.pipe(z.number().int().min(2).max(3000)).default(200),
  owner: z.string().min(1),
  members: z.array(z.string()).max(MAX_CREATE_MEMBERS, `members size more than max limit : ${MAX_CREATE_MEMBERS}`).default([]),
  members_only: looseBool.optional(),
  membersonly: looseBool.optional(),
  allowinvites: looseBool.default(false),
  custom: z.string().max(1024).default(''),
});

const updateGroup = z
  .object({
    groupname: z.string().min(1).max(128).optional(),
    description: z.string().max(512).optional(),
    maxusers: looseInt.pipe(z.number().int().min(2).max(3000)).optional(),
    membersonly: looseBool.optional(),
    allowinvites: looseBool.optional(),
    public: looseBool.optional(),
    custom: z.string().max(1024).optional(),
  })
  .strict();

function groupDetails(c: Ctx, g: GroupRow) {
  const { db } = c.get('emu');
  const members = db
    .prepare("SELECT username, role FROM group_members WHERE groupid = ? ORDER BY role = 'owner' DESC, seq")
    .all(g.groupid) as { username: string; role: string }[];
  return {
    id: g.groupid,
    name: g.name,
    description: g.description,
    membersonly: g.membersonly === 1,
    allowinvites: g.allowinvites === 1,
    maxusers: g.maxusers,
    owner: g.owner,
    created: g.created,
    custom: g.custom,
    mute: g.mute_all === 1,
    affiliations_count: members.length,
    public: g.public === 1,
    affiliations: members.map((m) => (m.role === 'owner' ? { owner: m.username } : { member: m.username })),
  };
}

function transferOwner(c: Ctx, g: GroupRow, rawNewOwner: string) {
  const { db, now } = c.get('emu');
  const newOwner = normalizeUsername(rawNewOwner);
  if (newOwner === g.owner) throw new ImError(403, 'forbidden_op', 'new owner and old owner are the same');
  if (!roleOf(db, g.groupid, newOwner)) {
    throw new ImError(403, 'forbidden_op', `user: ${rawNewOwner} doesn't exist in group: ${g.groupid}`);
  }
  db.transaction(() => {
    db.prepare("UPDATE group_members SET role = 'member' WHERE groupid = ? AND username = ?").run(g.groupid, g.owner);
    db.prepare("UPDATE group_members SET role = 'owner' WHERE groupid = ? AND username = ?").run(g.groupid, newOwner);
    // The owner cannot be muted: a mute on the new owner ends with the transfer.
    db.prepare('DELETE FROM group_mutes WHERE groupid = ? AND username = ?').run(g.groupid, newOwner);
    db.prepare('UPDATE groups SET owner = ?, modified = ? WHERE groupid = ?').run(newOwner, now(), g.groupid);
  })();
}

export const groupRoutes = new Hono<Env>()
  .get('/chatgroups', (c) => {
    const { db, options } = c.get('emu');
    const limit = queryInt(c, 'limit', { fallback: 10, min: 1, max: 100, clampHigh: true });
    const after = decodeCursor(c, 'groups') ?? 0;
    const rows = db
      .prepare(
        `SELECT g.*, (SELECT COUNT(*) FROM group_members m WHERE m.groupid = g.groupid) AS affiliations
         FROM groups g WHERE g.seq > ? ORDER BY g.seq LIMIT ?`,
      )
      .all(after, limit + 1) as (GroupRow & { affiliations: number })[];
    const { page, cursor } = keysetPage(rows, limit, 'groups');
    return envelope(c, 'get', {
      params: echoParams(c),
      data: page.map((g) => ({
        owner: `${options.org}#${options.app}_${g.owner}`,
        groupid: g.groupid,
        affiliations: g.affiliations,
        type: 'group',
        lastModified: String(g.modified),
        groupname: g.name,
      })),
      ...(cursor ? { cursor } : {}),
      count: page.length,
    });
  })

  .post('/chatgroups', async (c) => {
    const { db, now } = c.get('emu');
    const body = await parseBody(c, createGroup);
    const owner = findUser(db, normalizeUsername(body.owner));
    if (!owner) throw new ImError(404, 'resource_not_found', `username ${body.owner} doesn't exist!`);
    const members = [...new Set(body.members.map(normalizeUsername))].filter((m) => m !== owner.username);
    for (const m of members) {
      if (!findUser(db, m)) throw new ImError(404, 'resource_not_found', `username ${m} doesn't exist!`);
    }
    if (members.length + 1 > body.maxusers) throw new ImError(403, 'exceed_limit', 'members size is greater than max user size !');
    const groupid = db.transaction(() =>
      insertGroup(db, {
        name: body.groupname,
        description: body.description,
        public: body.public,
        membersonly: body.membersonly ?? body.members_only ?? false,
        allowinvites: body.allowinvites,
        maxusers: body.maxusers,
        owner: owner.username,
        members,
        custom: body.custom,
        created: now(),
      }),
    )();
    return envelope(c, 'post', { data: { groupid } });
  })

  .get('/chatgroups/:groupIds', (c) => {
    const { db } = c.get('emu');
    const ids = c.req.param('groupIds').split(',').map((s) => s.trim()).filter(Boolean);
    const groups = ids.map((id) => findGroup(db, id) ?? errors.groupNotFound(id));
    const missing = groups.find((g) => g instanceof ImError);
    if (missing) throw missing;
    return envelope(c, 'get', { data: (groups as GroupRow[]).map((g) => groupDetails(c, g)), count: groups.length });
  })

  .delete('/chatgroups/:groupId', (c) => {
    const { db } = c.get('emu');
    const g = requireGroup(c);
    db.prepare('DELETE FROM groups WHERE groupid = ?').run(g.groupid);
    return envelope(c, 'delete', { data: { success: true, groupid: g.groupid } });
  })

  // One documented use (owner transfer, `{newowner}`) and the undocumented group-info update.
  .put('/chatgroups/:groupId', async (c) => {
    const { db, now } = c.get('emu');
    const body = await readJson(c);
    const g = requireGroup(c);
    if (body && typeof body === 'object' && 'newowner' in body) {
      const { newowner } = validate(body, z.object({ newowner: z.string().min(1) }));
      transferOwner(c, g, newowner);
      return envelope(c, 'put', { data: { newowner: true } });
    }
    const changes = validate(body, updateGroup);
    const columns: Record<string, unknown> = {
      name: changes.groupname,
      description: changes.description,
      maxusers: changes.maxusers,
      membersonly: changes.membersonly === undefined ? undefined : Number(changes.membersonly),
      allowinvites: changes.allowinvites === undefined ? undefined : Number(changes.allowinvites),
      public: changes.public === undefined ? undefined : Number(changes.public),
      custom: changes.custom,
    };
    const set = Object.entries(columns).filter(([, v]) => v !== undefined);
    if (set.length === 0) throw errors.badRequest('request body: nothing to update');
    if (changes.maxusers !== undefined && changes.maxusers < memberCount(db, g.groupid)) {
      throw new ImError(403, 'exceed_limit', 'maxusers is less than the current member count');
    }
    db.prepare(`UPDATE groups SET ${set.map(([k]) => `${k} = ?`).join(', ')}, modified = ? WHERE groupid = ?`).run(
      ...set.map(([, v]) => v),
      now(),
      g.groupid,
    );
    return envelope(c, 'put', { data: Object.fromEntries(Object.keys(changes).map((k) => [k, true])) });
  })

  .get('/users/:username/joined_chatgroups', (c) => {
    const { db } = c.get('emu');
    const user = findUser(db, normalizeUsername(c.req.param('username')));
    if (!user) throw errors.userNotFound();
    const pagenum = queryInt(c, 'pagenum', { fallback: 1, min: 1, max: 1_000_000 });
    const pagesize = queryInt(c, 'pagesize', { fallback: 1000, min: 1, max: 1000, clampHigh: true });
    const rows = db
      .prepare(
        `SELECT g.groupid, g.name, m.role FROM group_members m JOIN groups g ON g.groupid = m.groupid
         WHERE m.username = ? ORDER BY m.seq LIMIT ? OFFSET ?`,
      )
      .all(user.username, pagesize, (pagenum - 1) * pagesize) as { groupid: string; name: string; role: string }[];
    // Each entry in both forms: the documented {groupid, groupname}, and the web SDK's
    // {id, name, disabled, permission} (permission = this user's role in the group).
    const data = rows.map((r) => ({ groupid: r.groupid, groupname: r.name, id: r.groupid, name: r.name, disabled: false, permission: r.role }));
    return envelope(c, 'get', { params: echoParams(c), data, count: data.length });
  });
