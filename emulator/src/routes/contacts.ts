import { Hono } from 'hono';
import { z } from 'zod';
import { findUser, userEntity, type UserRow } from '../db/users.js';
import type { Db } from '../db/schema.js';
import { ImError, errors } from '../http/errors.js';
import {
  decodeCursor,
  envelope,
  keysetPage,
  normalizeUsername,
  parseBody,
  queryBool,
  queryInt,
  queryValue,
  reply,
  requestUri,
  type Ctx,
} from '../http/respond.js';
import type { Env } from '../http/types.js';

export const MAX_IMPORT = 10;
export const MAX_CONTACTS_PAGE = 50;
export const MAX_BLOCKS_PAGE = 50;

function requireUser(c: Ctx, raw: string): UserRow {
  const user = findUser(c.get('emu').db, normalizeUsername(raw));
  if (!user) throw errors.userNotFound();
  return user;
}

const friendCount = (db: Db, username: string) =>
  (db.prepare('SELECT COUNT(*) AS n FROM contacts WHERE owner = ?').get(username) as { n: number }).n;

/** Friendship is mutual: one row per direction, so each side keeps its own remark. */
function befriend(db: Db, a: string, b: string) {
  const add = db.prepare('INSERT OR IGNORE INTO contacts (owner, friend) VALUES (?, ?)');
  add.run(a, b);
  add.run(b, a);
}

const areFriends = (db: Db, owner: string, friend: string) =>
  db.prepare('SELECT 1 FROM contacts WHERE owner = ? AND friend = ?').get(owner, friend) !== undefined;

const contactsPath = (user: UserRow, tail: string) => `/users/${user.uuid}/${tail}`;

/**
 * The friends page-size error. The seed prints "getContactspage size…": its Markdown table cell
 * lost the " | " between the two parts; the public SDK tests expect the message with it.
 */
export const CONTACTS_PAGE_TOO_BIG = `getContacts | page size more than max limit : ${MAX_CONTACTS_PAGE}`;

/** `PUT P/user/{owner}/contacts/users/{friend} {remark}`: one side's remark. */
async function setRemark(c: Ctx) {
  const { db } = c.get('emu');
  const { remark } = await parseBody(c, z.object({ remark: z.string().max(100, 'remark must be at most 100 characters').nullable() }));
  const owner = requireUser(c, c.req.param('owner')!);
  const friend = requireUser(c, c.req.param('friend')!);
  if (!areFriends(db, owner.username, friend.username)) {
    throw errors.badRequest('updateRemark they are not friends, please add as a friend first.');
  }
  db.prepare('UPDATE contacts SET remark = ? WHERE owner = ? AND friend = ?').run(remark || null, owner.username, friend.username);
  return reply(c, { action: 'put', status: 'ok', uri: requestUri(c) });
}

/** `GET P/user/{u}/contacts?limit&cursor&needReturnRemark`: a page of friends, oldest first. */
function contactsPage(c: Ctx) {
  const { db } = c.get('emu');
  const limit = queryInt(c, 'limit', {
    fallback: 10,
    min: 1,
    max: MAX_CONTACTS_PAGE,
    error: () => errors.badRequest(CONTACTS_PAGE_TOO_BIG),
  });
  const withRemark = queryBool(c, 'needReturnRemark');
  const owner = requireUser(c, c.req.param('owner')!);
  const after = decodeCursor(c, 'contacts') ?? 0;
  const rows = db
    .prepare('SELECT seq, friend, remark FROM contacts WHERE owner = ? AND seq > ? ORDER BY seq LIMIT ?')
    .all(owner.username, after, limit + 1) as { seq: number; friend: string; remark: string | null }[];
  const { page, cursor } = keysetPage(rows, limit, 'contacts');
  return reply(c, {
    uri: requestUri(c),
    entities: [],
    count: page.length,
    action: 'get',
    // The web SDK (getContactsWithCursor) reads the next cursor from `data.cursor`; other clients
    // read it beside `count`. The real service answers both.
    data: {
      contacts: page.map((r) => (withRemark ? { remark: r.remark, username: r.friend } : { username: r.friend })),
      ...(cursor ? { cursor } : {}),
    },
    ...(cursor ? { cursor } : {}),
  });
}

export const contactRoutes = new Hono<Env>()
  .post('/users/:owner/contacts/users/:friend', (c) => {
    const { db, options } = c.get('emu');
    const owner = requireUser(c, c.req.param('owner'));
    const friend = requireUser(c, c.req.param('friend'));
    if (owner.username === friend.username) throw errors.badRequest('a user cannot add themselves as a friend');
    db.transaction(() => {
      if (areFriends(db, owner.username, friend.username)) return;
      if (friendCount(db, owner.username) >= options.friendCap || friendCount(db, friend.username) >= options.friendCap) {
        throw new ImError(403, 'exceed_limit', 'user contact number exceed limit');
      }
      befriend(db, owner.username, friend.username);
    })();
    return envelope(c, 'post', {
      path: contactsPath(owner, 'contacts'),
      uri: `${requestUri(c).split('/users/')[0]}${contactsPath(owner, 'contacts')}`,
      entities: [userEntity(friend)],
    });
  })

  .delete('/users/:owner/contacts/users/:friend', (c) => {
    const { db } = c.get('emu');
    const owner = requireUser(c, c.req.param('owner'));
    const friend = requireUser(c, c.req.param('friend'));
    db.prepare('DELETE FROM contacts WHERE (owner = ? AND friend = ?) OR (owner = ? AND friend = ?)').run(
      owner.username,
      friend.username,
      friend.username,
      owner.username,
    );
    return envelope(c, 'delete', {
      path: contactsPath(owner, 'contacts'),
      uri: `${requestUri(c).split('/users/')[0]}${contactsPath(owner, 'contacts')}`,
      entities: [userEntity(friend)],
    });
  })

  // The documented forms use the singular `/user/` for these two calls; the official web SDK sends
  // them with `/users/`, so both are answered alike.
  .put('/user/:owner/contacts/users/:friend', (c) => setRemark(c))
  .put('/users/:owner/contacts/users/:friend', (c) => setRemark(c))
  .get('/user/:owner/contacts', (c) => contactsPage(c))
  .get('/users/:owner/contacts', (c) => contactsPage(c))

  .get('/users/:owner/contacts/users', (c) => {
    const { db } = c.get('emu');
    const owner = requireUser(c, c.req.param('owner'));
    const rows = db.prepare('SELECT friend, remark FROM contacts WHERE owner = ? ORDER BY seq').all(owner.username) as {
      friend: string;
      remark: string | null;
    }[];
    const data = rows.map((r) => r.friend);
    // `data` as documented; the web SDK asks for remarks and reads them from `entities`.
    const entities = queryBool(c, 'needReturnRemark') ? rows.map((r) => ({ username: r.friend, remark: r.remark })) : [];
    return reply(c, { action: 'get', uri: requestUri(c), entities, data, count: data.length });
  })

  .post('/users/:owner/contacts/import', async (c) => {
    const { db, options } = c.get('emu');
    const { usernames } = await parseBody(c, z.object({ usernames: z.array(z.string()).min(1) }));
    if (usernames.length > MAX_IMPORT) throw errors.badRequest(`request user over flow limit:${MAX_IMPORT}.`);
    const owner = requireUser(c, c.req.param('owner'));
    const result = { UnKnowFailed: [] as string[], success: [] as string[], NotExistFailed: [] as string[], maxLimitFailed: [] as string[] };
    db.transaction(() => {
      if (friendCount(db, owner.username) >= options.friendCap) {
        throw new ImError(403, 'exceed_limit', "Inviter's contact max count.");
      }
      for (const raw of usernames) {
        const friend = findUser(db, normalizeUsername(raw));
        if (!friend) result.NotExistFailed.push(raw);
        else if (friend.username === owner.username) result.UnKnowFailed.push(raw);
        else if (areFriends(db, owner.username, friend.username)) result.success.push(raw);
        else if (friendCount(db, owner.username) >= options.friendCap || friendCount(db, friend.username) >= options.friendCap) {
          result.maxLimitFailed.push(raw);
        } else {
          befriend(db, owner.username, friend.username);
          result.success.push(raw);
        }
      }
    })();
    return reply(c, { status: 'ok', action: 'post', data: result });
  })

  .post('/users/:owner/blocks/users', async (c) => {
    const { db, options } = c.get('emu');
    const { usernames } = await parseBody(c, z.object({ usernames: z.array(z.string()).min(1) }));
    const owner = requireUser(c, c.req.param('owner'));
    const added: string[] = [];
    db.transaction(() => {
      const insert = db.prepare('INSERT OR IGNORE INTO user_blocks (owner, blocked) VALUES (?, ?)');
      for (const raw of usernames) {
        const blocked = findUser(db, normalizeUsername(raw));
        if (!blocked) {
          throw errors.badRequest(`attempt to adding new block[${raw}] for user[${owner.username}],but user[${raw}] not found.`);
        }
        if (blocked.username === owner.username) throw errors.badRequest('a user cannot block themselves');
        insert.run(owner.username, blocked.username);
        added.push(blocked.username);
      }
      const { n } = db.prepare('SELECT COUNT(*) AS n FROM user_blocks WHERE owner = ?').get(owner.username) as { n: number };
      if (n > options.blockCap) throw new ImError(403, 'exceed_limit', `user block number exceed limit : ${options.blockCap}`);
    })();
    return envelope(c, 'post', { uri: requestUri(c).split('/users/')[0], data: added });
  })

  .get('/users/:owner/blocks/users', (c) => {
    const { db, options } = c.get('emu');
    const owner = requireUser(c, c.req.param('owner'));
    const paged = queryValue(c, 'pageSize') !== undefined || queryValue(c, 'cursor') !== undefined;
    // Neither pageSize nor cursor: the newest 500, in one answer.
    const limit = paged
      ? queryInt(c, 'pageSize', { fallback: MAX_BLOCKS_PAGE, min: 1, max: MAX_BLOCKS_PAGE })
      : options.blockCap;
    const before = decodeCursor(c, 'blocks') ?? Number.MAX_SAFE_INTEGER;
    const rows = db
      .prepare('SELECT seq, blocked FROM user_blocks WHERE owner = ? AND seq < ? ORDER BY seq DESC LIMIT ?')
      .all(owner.username, before, limit + 1) as { seq: number; blocked: string }[];
    const { page, cursor } = paged ? keysetPage(rows, limit, 'blocks') : { page: rows.slice(0, limit), cursor: undefined };
    return reply(c, {
      uri: requestUri(c),
      entities: [],
      ...(cursor ? { cursor } : {}),
      count: page.length,
      action: 'get',
      data: page.map((r) => r.blocked),
    });
  })

  .delete('/users/:owner/blocks/users/:blocked', (c) => {
    const { db } = c.get('emu');
    const owner = requireUser(c, c.req.param('owner'));
    const blocked = requireUser(c, c.req.param('blocked'));
    db.prepare('DELETE FROM user_blocks WHERE owner = ? AND blocked = ?').run(owner.username, blocked.username);
    return envelope(c, 'delete', {
      path: contactsPath(owner, 'blocks'),
      uri: `${requestUri(c).split('/users/')[0]}${contactsPath(owner, 'blocks')}`,
      entities: [userEntity(blocked)],
    });
  });
