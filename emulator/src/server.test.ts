import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUsers, startTestEmulator, type TestEmulator } from './testing/harness.js';

describe('requests the emulator must survive', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
    await registerUsers(t, ['ann', 'ben']);
  });
  afterAll(() => t.close());

  it('answers malformed JSON with 400 and a clear description', async () => {
    const res = await t.call('POST', '/users/ann/blocks/users', undefined, { raw: '{"usernames": [' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('json_parse');
    expect(res.body.error_description).toMatch(/Malformed JSON/);
  });

  it('answers wrong types with 400 naming the field', async () => {
    const res = await t.call('POST', '/users/ann/blocks/users', { usernames: 'ben' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('illegal_argument');
    expect(res.body.error_description).toMatch(/^usernames:/);
  });

  it('answers a body over 1 MiB with 400, not a crash', async () => {
    const res = await t.call('POST', '/users', undefined, { raw: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'p' }) });
    expect(res.status).toBe(400);
    expect(res.body.error_description).toMatch(/larger than/);
    expect((await t.call('GET', '/users/ann')).status).toBe(200);
  });

  it('ignores unknown query parameters and treats cursor=undefined as no cursor', async () => {
    const res = await t.call('GET', '/users?limit=1&version=v3&cursor=undefined&foo=bar');
    expect(res.status).toBe(200);
    expect(res.body.entities[0].username).toBe('ann');
  });

  it('rejects a cursor it never issued', async () => {
    const res = await t.call('GET', '/users?limit=1&cursor=bm90LWEtY3Vyc29y');
    expect(res.status).toBe(400);
    expect(res.body.error_description).toMatch(/invalid cursor/);
  });

  it('answers unknown paths and unknown apps with JSON 404s', async () => {
    const unknownPath = await t.call('GET', '/no/such/call');
    expect(unknownPath.status).toBe(404);
    expect(unknownPath.body.error).toBe('service_resource_not_found');
    const res = await fetch(`${t.url}/other-org/other-app/users`, { headers: { Authorization: `Bearer ${t.token}` } });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toBe('organization_application_not_found');
  });

  it('requires the app token on every call but /token', async () => {
    expect((await t.call('GET', '/users', undefined, { token: null })).status).toBe(401);
    expect((await t.call('GET', '/users', undefined, { token: 'forged', scheme: 'agora' })).body.error).toBe('auth_bad_access_token');
  });
});

describe('--rate and --latency', () => {
  it('answers 429 reach_limit with Retry-After beyond N calls per second, then recovers', async () => {
    const t = await startTestEmulator({ rate: 5 });
    try {
      await new Promise((r) => setTimeout(r, 1100)); // refill after the token call
      const results = await Promise.all(Array.from({ length: 12 }, () => t.call('GET', '/users')));
      const limited = results.filter((r) => r.status === 429);
      expect(results.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(4);
      expect(limited.length).toBeGreaterThanOrEqual(6);
      expect(limited[0]!.body.error).toBe('reach_limit');
      expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      await new Promise((r) => setTimeout(r, 1100));
      expect((await t.call('GET', '/users')).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('delays every answer by --latency', async () => {
    const t = await startTestEmulator({ latency: 150 });
    try {
      const started = performance.now();
      expect((await t.call('GET', '/users')).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      await t.close();
    }
  });
});

describe('demo seed', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ seed: 'demo' });
  });
  afterAll(() => t.close());

  it('has the promised shape', async () => {
    const users: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await t.call('GET', `/users?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      users.push(...res.body.entities.map((e: { username: string }) => e.username));
      cursor = res.body.cursor ?? undefined;
      expect(cursor).not.toBe('');
    } while (cursor);
    expect(users.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(users).size).toBe(users.length);

    const alice = await t.call('GET', '/users/alice/contacts/users');
    expect(alice.body.count).toBeGreaterThanOrEqual(300);
    const bob = await t.call('GET', '/users/bob/blocks/users');
    expect(bob.body.count).toBeGreaterThanOrEqual(120);
    expect((await t.call('GET', '/users/mallory')).body.entities[0].activated).toBe(false);
    expect((await t.call('GET', '/users/alice/status')).body.data.alice).toBe('online');

    const groups = await t.call('GET', '/chatgroups?limit=100');
    expect(groups.body.count).toBeGreaterThanOrEqual(50);
    const big = groups.body.data.find((g: { affiliations: number }) => g.affiliations === 3000);
    expect(big).toBeDefined();
    const id = big.groupid as string;
    expect((await t.call('GET', `/chatgroups/${id}/admin`)).body.count).toBeGreaterThanOrEqual(3);
    const mutes = (await t.call('GET', `/chatgroups/${id}/mute`)).body.data as { expire: number }[];
    expect(mutes.some((m) => m.expire === -1)).toBe(true);
    expect(mutes.some((m) => m.expire > Date.now())).toBe(true);
    expect(mutes.every((m) => m.expire === -1 || m.expire > Date.now())).toBe(true);
    expect((await t.call('GET', `/chatgroups/${id}/blocks/users`)).body.count).toBeGreaterThan(0);
    expect((await t.call('GET', `/chatgroups/${id}/white/users`)).body.count).toBeGreaterThan(0);
    const roster = await t.call('GET', `/chatgroups/${id}/users?pagenum=1&pagesize=5`);
    const member = roster.body.data.map((m: { member?: string }) => m.member).find(Boolean);
    const attrs = await t.call('POST', `/metadata/chatgroup/${id}/get`, { targets: [member], properties: [] });
    expect(Object.keys(attrs.body.data[member] ?? {})).toContain('nickname');
  });

  it('is the same on every machine', async () => {
    const other = await startTestEmulator({ seed: 'demo' });
    try {
      const page = async (x: TestEmulator) =>
        (await x.call('GET', '/users?limit=50')).body.entities.map((e: { uuid: string; username: string; nickname?: string }) => [e.uuid, e.username, e.nickname]);
      expect(await page(other)).toEqual(await page(t));
      const friends = async (x: TestEmulator) => (await x.call('GET', '/users/alice/contacts/users')).body.data;
      expect(await friends(other)).toEqual(await friends(t));
    } finally {
      await other.close();
    }
  });
});

// ---- durability: kill -9 in the middle of batch writes -------------------------------------

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function spawnEmulator(db: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/src/main.ts', '--db', db, '--seed', 'none', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('emulator did not start')), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  return child;
}

describe('durability', () => {
  it('keeps every answered batch and no half batch after kill -9', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'im-emulator-'));
    const db = join(dir, 'emulator.sqlite');
    try {
      const port = await freePort();
      const child = await spawnEmulator(db, port);
      const base = `http://127.0.0.1:${port}/demo/console`;
      const tokenRes = await fetch(`${base}/token`, {
        method: 'POST',
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'demo-client-id', client_secret: 'demo-client-secret' }),
      });
      const { access_token: token } = (await tokenRes.json()) as { access_token: string };
      const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };

      const answered: string[][] = [];
      const sent: string[][] = [];
      let killed = false;
      const writer = (async () => {
        for (let b = 0; !killed && b < 10_000; b++) {
          const names = Array.from({ length: 60 }, (_, i) => `k${b}_${i}`);
          sent.push(names);
          try {
            const res = await fetch(`${base}/users`, {
              method: 'POST',
              headers,
              body: JSON.stringify(names.map((username) => ({ username, password: 'p' }))),
            });
            if (res.status === 200) answered.push(names);
          } catch {
            return; // the server died mid-request
          }
        }
      })();
      await new Promise((r) => setTimeout(r, 1500));
      killed = true;
      child.kill('SIGKILL');
      await writer;
      expect(answered.length).toBeGreaterThan(3);

      const port2 = await freePort();
      const again = await spawnEmulator(db, port2);
      try {
        const auth = { Authorization: `Bearer ${token}` }; // the token itself survives the restart
        const stored = new Set<string>();
        let cursor: string | undefined;
        do {
          const res = await fetch(`http://127.0.0.1:${port2}/demo/console/users?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { headers: auth });
          expect(res.status).toBe(200);
          const body = (await res.json()) as { entities: { username: string }[]; cursor?: string };
          for (const e of body.entities) stored.add(e.username);
          cursor = body.cursor;
        } while (cursor);
        for (const names of answered) for (const name of names) expect(stored.has(name)).toBe(true);
        // At most the one batch in flight at the kill may have landed, and only whole.
        const extra = [...stored].filter((n) => !answered.some((names) => names.includes(n)));
        expect([0, 60]).toContain(extra.length);
        if (extra.length === 60) expect(new Set(extra.map((n) => n.split('_')[0])).size).toBe(1);
      } finally {
        again.kill('SIGKILL');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
