import { Hono } from 'hono';
import { z } from 'zod';
import { issueToken } from '../http/auth.js';
import { ImError } from '../http/errors.js';
import { looseInt, normalizeUsername, parseBody } from '../http/respond.js';
import type { Env } from '../http/types.js';
import { findUser } from '../db/users.js';

const tokenRequest = z.discriminatedUnion('grant_type', [
  z.object({
    grant_type: z.literal('client_credentials'),
    client_id: z.string(),
    client_secret: z.string(),
    ttl: looseInt.optional(),
  }),
  z.object({
    grant_type: z.literal('password'),
    username: z.string(),
    password: z.string(),
    ttl: looseInt.optional(),
  }),
]);

export const tokenRoutes = new Hono<Env>().post('/token', async (c) => {
  const { db, options, now, appUuid } = c.get('emu');
  const body = await parseBody(c, tokenRequest);
  // ttl 0 or absent: the app's default lifetime.
  const ttl = body.ttl && body.ttl > 0 ? body.ttl : options.defaultTokenTtl;
  if (body.grant_type === 'client_credentials') {
    if (body.client_id !== options.clientId || body.client_secret !== options.clientSecret) {
      throw new ImError(400, 'invalid_client', 'invalid client_id or client_secret');
    }
    const token = issueToken(db, null, ttl, now());
    return c.json({ access_token: token, expires_in: ttl, application: appUuid });
  }
  const user = findUser(db, normalizeUsername(body.username));
  if (!user) throw new ImError(400, 'invalid_grant', 'invalid username or password');
  if (user.password !== body.password) throw new ImError(400, 'invalid_grant', 'invalid password');
  if (user.activated !== 1) throw new ImError(400, 'invalid_grant', 'user is deactivated');
  const token = issueToken(db, user.username, ttl, now());
  const { uuid, created, modified, username } = user;
  return c.json({ access_token: token, expires_in: ttl, user: { uuid, type: 'user', created, modified, username, activated: true } });
});
