import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUsers, startTestEmulator, type TestEmulator } from '../emulator/src/testing/harness.js';
import { emulatorApps, readImConfig, ImConfigError, type ImAppConfig } from './im-config.js';
import { createConsoleApp, type ConsoleAppOptions } from './app.js';
import { nodeListener } from './http/node-listener.js';

/** Serves the proxy (and nothing else) on a free port, as Vite's servers would. */
async function serveProxy(apps: ImAppConfig[], options: Omit<ConsoleAppOptions, 'apps'> = {}) {
  const server: Server = createServer(nodeListener(createConsoleApp({ ...options, apps }).app.fetch));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

/** A fetch that records what the proxy sends upstream, optionally rewriting answers. */
function recordingFetch(rewrite?: (url: string, res: Response, n: number) => Response | undefined) {
  const calls: { url: string; auth: string | null }[] = [];
  const fn: typeof fetch = async (input, init) => {
    const url = String(input);
    calls.push({ url, auth: new Headers(init?.headers).get('authorization') });
    const res = await fetch(input, init);
    return rewrite?.(url, res, calls.length) ?? res;
  };
  return { fetch: fn, calls };
}

describe('IM proxy', () => {
  let t: TestEmulator;
  let apps: ImAppConfig[];
  beforeAll(async () => {
    t = await startTestEmulator();
    await registerUsers(t, ['alice', 'bob']);
    apps = emulatorApps(t.emulator.port);
  });
  afterAll(() => t.close());

  it('lists the apps without any secret', async () => {
    const proxy = await serveProxy(apps);
    try {
      const res = await fetch(`${proxy.url}/im-console/apps`);
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(JSON.parse(text).apps.map((a: { id: string }) => a.id)).toEqual(['demo', 'demo-agora']);
      expect(text).not.toContain('demo-client-secret');
      expect(text).not.toContain('clientSecret');
    } finally {
      await proxy.close();
    }
  });

  it('tells with the app list how far each host is, once it has answered', async () => {
    // The Easemob app's host 60 ms away.
    const far: typeof fetch = async (input, init) => {
      if (String(input).includes('/demo/console/')) await new Promise((r) => setTimeout(r, 60));
      return fetch(input, init);
    };
    const proxy = await serveProxy(apps, { fetch: far });
    const distances = async () =>
      Object.fromEntries(((await (await fetch(`${proxy.url}/im-console/apps`)).json()).apps as { id: string; quickestAnswerMs?: number }[]).map((a) => [a.id, a.quickestAnswerMs]));
    try {
      expect(await distances()).toEqual({ demo: undefined, 'demo-agora': undefined });
      expect((await fetch(`${proxy.url}/im/demo/users?limit=1`)).status).toBe(200);
      expect((await fetch(`${proxy.url}/im/demo-agora/users?limit=1`)).status).toBe(200);
      const known = await distances();
      expect(known.demo).toBeGreaterThanOrEqual(60);
      expect(known['demo-agora']).toBeLessThan(60);
    } finally {
      await proxy.close();
    }
  });

  it('forwards calls under both schemes with the app token, which never reaches the browser', async () => {
    const upstream = recordingFetch();
    const proxy = await serveProxy(apps, { fetch: upstream.fetch });
    try {
      const easemob = await fetch(`${proxy.url}/im/demo/users?limit=1`);
      const agora = await fetch(`${proxy.url}/im/demo-agora/users/bob`);
      expect(easemob.status).toBe(200);
      expect(agora.status).toBe(200);
      const bodies = (await easemob.text()) + (await agora.text());
      const token = upstream.calls.find((c) => c.auth)!.auth!.replace('Bearer ', '');
      expect(token.length).toBeGreaterThan(10);
      expect(bodies).not.toContain(token);
      expect(upstream.calls.map((c) => new URL(c.url).pathname)).toEqual([
        '/demo/console/token',
        '/demo/console/users',
        '/app-id/demoappid/token',
        '/app-id/demoappid/users/bob',
      ]);
      await fetch(`${proxy.url}/im/demo/users?limit=1`);
      // A token per app, fetched once and reused.
      expect(upstream.calls.filter((c) => c.url.endsWith('/token'))).toHaveLength(2);
    } finally {
      await proxy.close();
    }
  });

  it('refuses to forward /token', async () => {
    const proxy = await serveProxy(apps);
    try {
      const res = await fetch(`${proxy.url}/im/demo/token`, {
        method: 'POST',
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'demo-client-id', client_secret: 'demo-client-secret' }),
      });
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain('access_token');
    } finally {
      await proxy.close();
    }
  });

  it('keeps the path exactly as the browser encoded it', async () => {
    const upstream = recordingFetch();
    const proxy = await serveProxy(apps, { fetch: upstream.fetch });
    try {
      const res = await fetch(`${proxy.url}/im/demo/users/a%2Fb%3F%23%E5%BC%A0?version=v3`);
      expect(res.status).toBe(404);
      expect((await res.json()).error).toBe('service_resource_not_found');
      expect(upstream.calls.at(-1)!.url).toMatch(/\/demo\/console\/users\/a%2Fb%3F%23%E5%BC%A0\?version=v3$/);
    } finally {
      await proxy.close();
    }
  });

  it('renews the token once on a 401 and retries the call', async () => {
    // The first token handed out is corrupted, so the first call is refused with 401.
    const upstream = recordingFetch((url, _res, n) =>
      url.endsWith('/token') && n === 1 ? new Response(JSON.stringify({ access_token: 'stale', expires_in: 3600 }), { status: 200 }) : undefined,
    );
    const proxy = await serveProxy(apps, { fetch: upstream.fetch });
    try {
      const res = await fetch(`${proxy.url}/im/demo/users/alice`);
      expect(res.status).toBe(200);
      expect(upstream.calls.map((c) => c.auth ?? new URL(c.url).pathname)).toEqual([
        '/demo/console/token',
        'Bearer stale',
        '/demo/console/token',
        expect.stringMatching(/^Bearer YWMt/),
      ]);
    } finally {
      await proxy.close();
    }
  });

  it('renews the token before it expires', async () => {
    let clock = Date.now();
    const upstream = recordingFetch();
    const proxy = await serveProxy(apps, { fetch: upstream.fetch, now: () => clock });
    try {
      await fetch(`${proxy.url}/im/demo/users/alice`);
      clock += 5_184_000 * 1000 * 0.95; // past 90% of the lifetime
      await fetch(`${proxy.url}/im/demo/users/alice`);
      expect(upstream.calls.filter((c) => c.url.endsWith('/token'))).toHaveLength(2);
    } finally {
      await proxy.close();
    }
  });

  it('says plainly when the host is unreachable or the credentials are wrong', async () => {
    const dead: ImAppConfig = { ...apps[0]!, id: 'dead', host: 'http://127.0.0.1:5188' };
    const wrong: ImAppConfig = { ...apps[0]!, id: 'wrong', clientSecret: 'nope' };
    const proxy = await serveProxy([dead, wrong]);
    try {
      const a = await fetch(`${proxy.url}/im/dead/users`);
      expect(a.status).toBe(502);
      expect(await a.json()).toMatchObject({ error: 'im_host_unreachable', error_description: 'ECONNREFUSED', host: 'http://127.0.0.1:5188' });
      const b = await fetch(`${proxy.url}/im/wrong/users`);
      const body = await b.json();
      expect(body).toMatchObject({ error: 'im_credentials_rejected' });
      expect(body.error_description).toMatch(/invalid client_id or client_secret/);
      const health = await (await fetch(`${proxy.url}/im-console/apps/dead/health`)).json();
      expect(health).toMatchObject({ ok: false, error: 'im_host_unreachable' });
      expect((await fetch(`${proxy.url}/im/nosuch/users`)).status).toBe(404);
    } finally {
      await proxy.close();
    }
  });
});

describe('IM settings', () => {
  it('defaults to the local emulator under both schemes', () => {
    expect(readImConfig({}).map((a) => [a.id, a.scheme, a.emulator])).toEqual([
      ['demo', 'easemob', true],
      ['demo-agora', 'agora', true],
    ]);
  });

  it('reads one app from IM_* and several from IM_APPS', () => {
    const one = readImConfig({ IM_HOST: 'https://a1.example.com/', IM_ORG: 'o', IM_APP: 'a', IM_APP_TOKEN: 't' });
    expect(one).toMatchObject([{ id: 'main', host: 'https://a1.example.com', scheme: 'easemob', appToken: 't' }]);
    const two = readImConfig({
      IM_APPS: 'prod,staging',
      IM_PROD_HOST: 'https://a1.example.com',
      IM_PROD_SCHEME: 'agora',
      IM_PROD_APP_ID: 'x1',
      IM_PROD_CLIENT_ID: 'id',
      IM_PROD_CLIENT_SECRET: 'secret',
      IM_STAGING_HOST: 'https://a41.example.com',
      IM_STAGING_ORG: 'o',
      IM_STAGING_APP: 's',
      IM_STAGING_APP_TOKEN: 'tok',
      IM_STAGING_LABEL: 'Staging (US)',
    });
    expect(two.map((a) => [a.id, a.scheme, a.label])).toEqual([
      ['prod', 'agora', 'prod'],
      ['staging', 'easemob', 'Staging (US)'],
    ]);
  });

  it('explains what is missing', () => {
    expect(() => readImConfig({ IM_HOST: 'https://h', IM_ORG: 'o', IM_APP: 'a' })).toThrow(ImConfigError);
    expect(() => readImConfig({ IM_HOST: 'https://h', IM_SCHEME: 'agora', IM_APP_TOKEN: 't' })).toThrow(/IM_APP_ID/);
    expect(() => readImConfig({ IM_HOST: 'not a url', IM_ORG: 'o', IM_APP: 'a', IM_APP_TOKEN: 't' })).toThrow(/not a URL/);
  });
});
