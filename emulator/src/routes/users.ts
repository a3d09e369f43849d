import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { findUser, insertUser, userEntity, userExists, type UserRow } from '../db/users.js';
import type { Db } from '../db/schema.js';
import { ImError, errors } from '../http/errors.js';
import {
  USERNAME_RE,
  decodeCursor,
  encodeCursor,
  echoParams,
  envelope,
  keysetPage,
  looseBool,
  looseInt,
  normalizeUsername,
  parseBody,
  queryInt,
  readJson,
  reply,
  requestUri,
  validate,
  type Ctx,
} from '../http/respond.js';
import type { Env } from '../http/types.js';

export const MAX_REGISTER_BATCH = 60;
export const MAX_STATUS_BATCH = 100;

const registration = z.object({
  username: z.string(),
  password: z.string(),
  nickname: z.string().nullish(),
});

/** Why a registration is refused, or undefined when it is acceptable. */
function registrationProblem(db: Db, u: z.infer<typeof registration>): string | undefined {
  const name = normalizeUsername(u.username);
  if (!USERNAME_RE.test(name)) return `username [${u.username}] is not legal: use 1-64 characters of a-z, 0-9, "_", "-", "."`;
  if (u.password.length === 0 || u.password.length > 64) return 'password must be 1-64 characters';
  if ((u.nickname ?? '').length > 100) return 'nickname must be at most 100 characters';
  if (userExists(db, name)) return `the ${u.username} already exists`;
  return undefined;
}

function register(c: Ctx, u: z.infer<typeof registration>): UserRow {
  const { db, now } = c.get('emu');
  return insertUser(db, { username: normalizeUsername(u.username), password: u.password, nickname: u.nickname ?? null, uuid: randomUUID(), created: now() });
}

function requireUser(c: Ctx, raw: string): UserRow {
  const user = findUser(c.get('emu').db, normalizeUsername(raw));
  if (!user) throw errors.userNotFound();
  return user;
}

/** `…/users`, the `uri` the examples of PUT and DELETE `/users/{username}` show. */
const collectionUri = (c: Ctx) => requestUri(c).replace(/\/users\/[^/]*$/, '/users');

const userSettings = z
  .object({
    nickname: z.string().max(100, 'nickname must be at most 100 characters').optional(),
    notification_display_style: looseInt.pipe(z.union([z.literal(0), z.literal(1)])).optional(),
    notification_no_disturbing: looseBool.optional(),
    notification_no_disturbing_start: looseInt.pipe(z.number().min(0).max(23)).optional(),
    notification_no_disturbing_end: looseInt.pipe(z.number().min(0).max(23)).optional(),
    notifier_name: z.string().max(100).optional(),
    device_token: z.string().max(256).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'no supported property to update');

export const userRoutes = new Hono<Env>()
  .post('/users', async (c) => {
    const { db } = c.get('emu');
    const body = await readJson(c);
    if (Array.isArray(body)) {
      if (c.get('openRegistration')) throw new ImError(401, 'unauthorized', 'Unable to authenticate (OAuth)');
      if (body.length === 0) throw errors.badRequest('request body: at least one user is required');
      if (body.length > MAX_REGISTER_BATCH) {
        throw errors.badRequest(`request user over flow limit:${MAX_REGISTER_BATCH}`);
      }
      const users = body.map((item) => validate(item, registration));
      const created: UserRow[] = [];
      const failed: { username: string; registerUserFailReason: string }[] = [];
      db.transaction(() => {
        for (const u of users) {
          const problem = registrationProblem(db, u);
          if (problem) failed.push({ username: u.username, registerUserFailReason: problem });
          else created.push(register(c, u));
        }
      })();
      return envelope(c, 'post', { params: echoParams(c), path: '/users', entities: created.map(userEntity), data: failed });
    }
    const u = validate(body, registration);
    const problem = registrationProblem(db, u);
    if (problem?.endsWith('already exists')) {
      throw new ImError(
        400,
        'duplicate_unique_property_exists',
        `Application null Entity user requires that property named username be unique, value of ${u.username} exists`,
      );
    }
    if (problem) throw errors.badRequest(problem);
    // The authorized example shows `params: {}`; the open one does not.
    const params = c.get('openRegistration') ? {} : { params: echoParams(c) };
    return envelope(c, 'post', { ...params, path: '/users', entities: [userEntity(register(c, u))] });
  })

  .get('/users', (c) => {
    const { db } = c.get('emu');
    const limit = queryInt(c, 'limit', { fallback: 10, min: 1, max: 100, clampHigh: true });
    const after = decodeCursor(c, 'users') ?? 0;
    const rows = db.prepare('SELECT * FROM users WHERE seq > ? ORDER BY seq LIMIT ?').all(after, limit + 1) as UserRow[];
    const { page, cursor } = keysetPage(rows, limit, 'users');
    // As the example: no application, organization or applicationName here.
    return reply(c, {
      action: 'get',
      params: echoParams(c),
      path: '/users',
      uri: requestUri(c),
      entities: page.map(userEntity),
      ...(cursor ? { cursor } : {}),
      count: page.length,
    });
  })

  .delete('/users', (c) => {
    const { db } = c.get('emu');
    const limit = queryInt(c, 'limit', { fallback: 10, min: 1, max: 1000 });
    const victims = db.prepare('SELECT * FROM users ORDER BY seq LIMIT ?').all(limit) as UserRow[];
    db.transaction(() => {
      const del = db.prepare('DELETE FROM users WHERE username = ?');
      for (const v of victims) del.run(v.username);
    })();
    const next = db.prepare('SELECT seq FROM users ORDER BY seq LIMIT 1').get() as { seq: number } | undefined;
    return envelope(c, 'delete', {
      params: echoParams(c),
      path: '/users',
      entities: victims.map(userEntity),
      // The cursor of the page that starts at the first user left.
      ...(next ? { cursor: encodeCursor('users', next.seq - 1) } : {}),
    });
  })

  .post('/users/batch/status', async (c) => {
    const { db } = c.get('emu');
    const { usernames } = await parseBody(c, z.object({ usernames: z.array(z.string()).min(1) }));
    if (usernames.length > MAX_STATUS_BATCH) {
      throw errors.badRequest(`usernames size more than max limit : ${MAX_STATUS_BATCH}`);
    }
    // Documented: names are not validated; an unknown user is simply offline.
    const online = db.prepare('SELECT online FROM users WHERE username = ?');
    const data = usernames.map((name) => {
      const row = online.get(normalizeUsername(name)) as { online: number } | undefined;
      return { [name]: row?.online === 1 ? 'online' : 'offline' };
    });
    return reply(c, { action: 'get batch user status', data });
  })

  .get('/users/:username', (c) => {
    const user = requireUser(c, c.req.param('username'));
    return reply(c, { action: 'get', path: '/users', uri: requestUri(c), entities: [userEntity(user)], count: 1 });
  })

  .delete('/users/:username', (c) => {
    const { db } = c.get('emu');
    const user = requireUser(c, c.req.param('username'));
    // Foreign keys cascade: friendships, blacklists, memberships and the groups this user owns.
    db.prepare('DELETE FROM users WHERE username = ?').run(user.username);
    return envelope(c, 'delete', { path: '/users', uri: collectionUri(c), entities: [userEntity(user)] });
  })

  .put('/users/:username', async (c) => {
    const { db, now } = c.get('emu');
    const settings = await parseBody(c, userSettings);
    const name = normalizeUsername(c.req.param('username'));
    if (!userExists(db, name)) {
      throw new ImError(400, 'required_property_not_found', 'Entity user requires a property named username');
    }
    const columns = Object.entries(settings).filter(([, v]) => v !== undefined);
    const sets = columns.map(([k]) => `${k} = ?`).join(', ');
    const values = columns.map(([, v]) => (typeof v === 'boolean' ? Number(v) : v));
    db.prepare(`UPDATE users SET ${sets}, modified = ? WHERE username = ?`).run(...values, now(), name);
    return envelope(c, 'put', { path: '/users', uri: collectionUri(c), entities: [userEntity(findUser(db, name)!)] });
  })

  .put('/users/:username/password', async (c) => {
    const { db, now } = c.get('emu');
    const { newpassword } = await parseBody(
      c,
      z.object({ newpassword: z.string().min(1, 'newpassword is required').max(64, 'newpassword must be at most 64 characters') }),
    );
    const name = normalizeUsername(c.req.param('username'));
    const changed = db.prepare('UPDATE users SET password = ?, modified = ? WHERE username = ?').run(newpassword, now(), name);
    if (changed.changes === 0) throw new ImError(404, 'entity_not_found', 'User null not found');
    db.prepare('DELETE FROM tokens WHERE username = ?').run(name);
    return reply(c, { action: 'set user password' });
  })

  .get('/users/:username/status', (c) => {
    const user = requireUser(c, c.req.param('username'));
    return reply(c, {
      action: 'get',
      uri: requestUri(c),
      entities: [],
      data: { [user.username]: user.online === 1 ? 'online' : 'offline' },
      count: 0,
    });
  })

  .get('/users/:username/offline_msg_count', (c) => {
    const { db } = c.get('emu');
    const user = requireUser(c, c.req.param('username'));
    const { n } = db.prepare('SELECT COUNT(*) AS n FROM offline_messages WHERE username = ?').get(user.username) as { n: number };
    return reply(c, { action: 'get', uri: requestUri(c), entities: [], data: { [user.username]: n }, count: 0 });
  })

  .get('/users/:username/offline_msg_status/:msgId', (c) => {
    const { db } = c.get('emu');
    const user = requireUser(c, c.req.param('username'));
    const msgId = c.req.param('msgId');
    // A message still queued for the user is undelivered; anything else has been delivered.
    const queued = db.prepare('SELECT 1 FROM offline_messages WHERE username = ? AND msg_id = ?').get(user.username, msgId);
    return reply(c, {
      action: 'get',
      uri: requestUri(c),
      entities: [],
      data: { [msgId]: queued ? 'undelivered' : 'delivered' },
      count: 0,
    });
  })

  .post('/users/:username/deactivate', (c) => {
    const { db, now, appUuid } = c.get('emu');
    const name = normalizeUsername(c.req.param('username'));
    const changed = db.prepare('UPDATE users SET activated = 0, online = 0, modified = ? WHERE username = ?').run(now(), name);
    if (changed.changes === 0) {
      throw new ImError(400, 'management', `User with id null does not exist in app ${appUuid}`);
    }
    db.prepare('DELETE FROM tokens WHERE username = ?').run(name);
    return reply(c, { action: 'Deactivate user', entities: [userEntity(findUser(db, name)!)] });
  })

  .post('/users/:username/activate', (c) => {
    const { db, now } = c.get('emu');
    const user = requireUser(c, c.req.param('username'));
    db.prepare('UPDATE users SET activated = 1, modified = ? WHERE username = ?').run(now(), user.username);
    return reply(c, { action: 'activate user' });
  })

  .get('/users/:username/disconnect', (c) => {
    const { db } = c.get('emu');
    const user = requireUser(c, c.req.param('username'));
    db.prepare('UPDATE users SET online = 0 WHERE username = ?').run(user.username);
    return reply(c, { action: 'get', uri: requestUri(c), entities: [], data: { result: true }, count: 0 });
  });
