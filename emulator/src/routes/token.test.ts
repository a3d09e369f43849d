import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUsers, startTestEmulator, type TestEmulator } from '../testing/harness.js';

// 003 "获取管理员权限token" and "获取用户token": POST P/token with the client_credentials and password grants.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('POST P/token (003)', () => {
  let t: TestEmulator;
  let clientId: string;
  let clientSecret: string;

  beforeAll(async () => {
    t = await startTestEmulator();
    ({ clientId, clientSecret } = t.emulator.options);
    await registerUsers(t, ['c', 'tokuser']);
  });
  afterAll(() => t.close());

  const appToken = (body: Record<string, unknown>, scheme?: 'easemob' | 'agora') =>
    t.call('POST', '/token', { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, ...body }, { token: null, scheme });

  describe('client_credentials grant', () => {
    it('answers 200 {access_token, expires_in, application} without an Authorization header', async () => {
      // The documented request sends ttl as a string.
      const res = await appToken({ ttl: '1024000' });
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['access_token', 'application', 'expires_in']);
      expect(res.body.access_token).toEqual(expect.any(String));
      expect(res.body.access_token.length).toBeGreaterThan(20);
      expect(res.body.expires_in).toBe(1024000);
      expect(res.body.application).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    });

    it('issues a token that authorizes admin calls', async () => {
      const { body } = await appToken({ ttl: 60 });
      const res = await t.call('GET', '/users/c', undefined, { token: body.access_token });
      expect(res.status).toBe(200);
      expect(res.body.entities[0].username).toBe('c');
    });

    it('gives the default lifetime (5184000 s) when ttl is 0 or absent', async () => {
      expect((await appToken({ ttl: 0 })).body.expires_in).toBe(5184000);
      const res = await t.call('POST', '/token', { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }, { token: null });
      expect(res.status).toBe(200);
      expect(res.body.expires_in).toBe(5184000);
    });

    it('issues distinct tokens on each call', async () => {
      const a = await appToken({ ttl: 60 });
      const b = await appToken({ ttl: 60 });
      expect(a.body.access_token).not.toBe(b.body.access_token);
    });

    it('answers 400 to a wrong client_secret or client_id, and issues no token', async () => {
      for (const wrong of [{ client_secret: 'nope' }, { client_id: 'nope' }]) {
        const res = await appToken({ ttl: 60, ...wrong });
        expect(res.status).toBe(400);
        expect(res.body.error).toBe('invalid_client');
        expect(res.body.error_description).toEqual(expect.any(String));
        expect(res.body).not.toHaveProperty('access_token');
      }
    });

    it('is the same app under the Agora path scheme', async () => {
      const easemob = await appToken({ ttl: 60 });
      const agora = await appToken({ ttl: 60 }, 'agora');
      expect(agora.status).toBe(200);
      expect(agora.body.application).toBe(easemob.body.application);
      // A token from one scheme works under the other.
      const res = await t.call('GET', '/users/tokuser', undefined, { token: agora.body.access_token });
      expect(res.status).toBe(200);
      const res2 = await t.call('GET', '/users/tokuser', undefined, { token: easemob.body.access_token, scheme: 'agora' });
      expect(res2.status).toBe(200);
    });
  });

  describe('expiry and bad tokens', () => {
    it('accepts a ttl=1 token at once and answers 401 once it has expired', async () => {
      const { body } = await appToken({ ttl: 1 });
      expect(body.expires_in).toBe(1);
      expect((await t.call('GET', '/users', undefined, { token: body.access_token })).status).toBe(200);
      await sleep(1100);
      const res = await t.call('GET', '/users', undefined, { token: body.access_token });
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('unauthorized');
      expect(res.body).toHaveProperty('error_description');
      expect(res.body).toHaveProperty('timestamp');
      expect(res.body).toHaveProperty('duration');
    });

    it('answers 401 without a token', async () => {
      const res = await t.call('GET', '/users/c', undefined, { token: null });
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('unauthorized');
      expect(res.body.error_description).toBe('Unable to authenticate (OAuth)');
    });

    it('answers 401 auth_bad_access_token to a token it never issued (003 wording)', async () => {
      for (const scheme of ['easemob', 'agora'] as const) {
        const res = await t.call('GET', '/users/c', undefined, { token: 'YWMtforged', scheme });
        expect(res.status).toBe(401);
        expect(res.body.error).toBe('auth_bad_access_token');
        expect(res.body.error_description).toBe('Unable to authenticate due to corrupt access token');
        expect(res.body.exception).toBe('org.apache.usergrid.rest.exceptions.SecurityException');
      }
    });
  });

  describe('password grant (user token)', () => {
    it('answers 200 {access_token, expires_in, user} with the user entity', async () => {
      const res = await t.call('POST', '/token', { grant_type: 'password', username: 'tokuser', password: 'pw-tokuser', ttl: '1024000' }, { token: null });
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['access_token', 'expires_in', 'user']);
      expect(res.body.access_token).toEqual(expect.any(String));
      expect(res.body.expires_in).toBe(1024000);
      const user = res.body.user;
      expect(Object.keys(user).sort()).toEqual(['activated', 'created', 'modified', 'type', 'username', 'uuid']);
      expect(user).toMatchObject({ type: 'user', username: 'tokuser', activated: true });
      const entity = (await t.call('GET', '/users/tokuser')).body.entities[0];
      expect(user.uuid).toBe(entity.uuid);
      expect(user.created).toBe(entity.created);
    });

    it('matches the username case-insensitively, as the example ("C" → "c")', async () => {
      const res = await t.call('POST', '/token', { grant_type: 'password', username: 'C', password: 'pw-c', ttl: 60 }, { token: null });
      expect(res.status).toBe(200);
      expect(res.body.user.username).toBe('c');
    });

    it('answers 400 invalid_grant "invalid password" to a wrong password', async () => {
      const res = await t.call('POST', '/token', { grant_type: 'password', username: 'tokuser', password: 'wrong' }, { token: null });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('invalid_grant');
      expect(res.body.error_description).toBe('invalid password');
      expect(res.body).not.toHaveProperty('access_token');
    });

    it('answers 400 invalid_grant to an unknown username', async () => {
      const res = await t.call('POST', '/token', { grant_type: 'password', username: 'nobody-here', password: 'x' }, { token: null });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('invalid_grant');
    });

    it('issues a user token that is no admin credential (401)', async () => {
      const { body } = await t.call('POST', '/token', { grant_type: 'password', username: 'tokuser', password: 'pw-tokuser' }, { token: null });
      const res = await t.call('GET', '/users', undefined, { token: body.access_token });
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('unauthorized');
      expect(res.body.error_description).toMatch(/^Subject does not have permission/);
    });
  });
});
