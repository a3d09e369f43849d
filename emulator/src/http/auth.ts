import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/schema.js';
import { ImError } from './errors.js';
import type { Env } from './types.js';

export function issueToken(db: Db, username: string | null, ttlSeconds: number, now: number): string {
  const token = `YWMt${randomBytes(48).toString('base64url')}`;
  db.prepare('INSERT INTO tokens (token, username, expires_at) VALUES (?, ?, ?)').run(token, username, now + ttlSeconds * 1000);
  return token;
}

/** Every call but `POST /token` and open registration needs `Authorization: Bearer <app token>`. */
export const requireAppToken: MiddlewareHandler<Env> = async (c, next) => {
  const { db, now, appUuid } = c.get('emu');
  const header = c.req.header('authorization');
  const path = c.req.path.slice(c.get('prefix').length) || '/';
  if (path === '/token' && c.req.method === 'POST') return next();
  if (!header) {
    // Open registration: a single-user POST /users without credentials (checked again in the route).
    if (path === '/users' && c.req.method === 'POST') {
      c.set('openRegistration', true);
      return next();
    }
    throw new ImError(401, 'unauthorized', 'Unable to authenticate (OAuth)');
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const row = match
    ? (db.prepare('SELECT username, expires_at FROM tokens WHERE token = ?').get(match[1]) as
        | { username: string | null; expires_at: number }
        | undefined)
    : undefined;
  if (!row) throw new ImError(401, 'auth_bad_access_token', 'Unable to authenticate due to corrupt access token');
  if (row.expires_at <= now()) throw new ImError(401, 'unauthorized', 'Unable to authenticate (OAuth): token expired');
  if (row.username !== null) {
    throw new ImError(
      401,
      'unauthorized',
      `Subject does not have permission [applications:${c.req.method.toLowerCase()}:${appUuid}:${path}]`,
    );
  }
  c.set('openRegistration', false);
  return next();
};
