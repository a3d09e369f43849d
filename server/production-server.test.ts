import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../emulator/src/testing/harness.js';
import { openConsoleDatabase } from './store/database.js';
import { createConsoleServices, type ConsoleServices } from './console-services.js';
import { emulatorApps } from './im-config.js';
import { createOperators } from './operators.js';
import { startProductionServer, type RunningServer } from './production-server.js';
import { PASSWORD, signIn } from './testing/console-harness.js';
import { freePort, startMain, stubClientBuild } from './testing/main-process.js';
import { parseMetrics, scrape } from './testing/metrics.js';

// `npm start`'s server: the built console (a small stand-in for dist/) and the proxy, as served.

const build = stubClientBuild();
const staticRoot = build.dir;
const ASSET = build.asset;
const dir = mkdtempSync(join(tmpdir(), 'im-console-prod-'));
afterAll(() => {
  build.remove();
  rmSync(dir, { recursive: true, force: true });
});

function rawGet(url: string, path: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('production server', () => {
  let t: TestEmulator;
  let services: ConsoleServices;
  let running: RunningServer;

  beforeAll(async () => {
    t = await startTestEmulator();
    services = await createConsoleServices({ signInRequired: true, settings: { db: ':memory:', idleMinutes: 30, maxHours: 12, trustProxy: false, require2fa: 'off' } });
    await services.operators.add('viewer', 'viewer', PASSWORD);
    running = await startProductionServer({ apps: emulatorApps(t.emulator.port), services, staticRoot, port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await running.shutdown(1000);
    await services.close();
    await t.close();
  });

  const SECURITY = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options'];

  it('sends the security headers on pages, assets, API answers and errors', async () => {
    for (const path of ['/', '/demo/users/alice', ASSET, '/favicon.svg', '/healthz', '/im/demo/users', '/im-console/session', '/assets/missing.js']) {
      const res = await fetch(`${running.url}${path}`);
      for (const h of SECURITY) expect.soft(res.headers.get(h), `${h} on ${path}`).toBeTruthy();
    }
    const res = await fetch(running.url);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/default-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('caches hashed assets for a year, revalidates the page, and falls back to it for client routes only', async () => {
    const asset = await fetch(`${running.url}${ASSET}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    for (const path of ['/', '/index.html', '/demo/users/alice', '/demo-agora/groups?cursor=x']) {
      const page = await fetch(`${running.url}${path}`);
      expect.soft(page.status, path).toBe(200);
      expect.soft(page.headers.get('cache-control'), path).toBe('no-cache');
      expect.soft(await page.text(), path).toContain('<div id="root">');
    }
    const missing = await fetch(`${running.url}/assets/missing.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<div id="root">');
    // The proxy's paths never fall back to the page.
    for (const path of ['/im/demo/users', '/im-console/whatever']) {
      const res = await fetch(`${running.url}${path}`);
      expect.soft(res.status, path).toBe(401);
      expect.soft(res.headers.get('content-type'), path).toMatch(/json/);
    }
  });

  it('compresses what it serves', async () => {
    const res = await fetch(`${running.url}${ASSET}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect((await res.text()).length).toBeGreaterThan(16_000);
  });

  it('answers /healthz without a session', async () => {
    const res = await fetch(`${running.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('answers /readyz without a session, and serves no /metrics unless told to (nor the page in its place)', async () => {
    const ready = await fetch(`${running.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, checks: { database: 'ok', apps: { demo: 'ok', 'demo-agora': 'ok' } } });
    const metrics = await fetch(`${running.url}/metrics`, { headers: { Authorization: 'Bearer anything' } });
    expect(metrics.status).toBe(404);
    expect(await metrics.text()).not.toContain('<div id="root">');
  });

  it('METRICS_TOKEN alone: /metrics on the console’s port, to callers with the token', async () => {
    const withToken = await startProductionServer({ apps: emulatorApps(t.emulator.port), services, staticRoot, port: 0, host: '127.0.0.1', metrics: { token: 'main-port-token' } });
    try {
      expect(withToken.metricsUrl).toBeUndefined();
      expect((await fetch(`${withToken.url}/metrics`)).status).toBe(401);
      const res = await fetch(`${withToken.url}/metrics`, { headers: { Authorization: 'Bearer main-port-token' } });
      expect(res.status).toBe(200);
      expect(parseMetrics(await res.text()).value('im_console_sign_ins_total', { method: 'password', outcome: 'ok' })).toBe(0);
    } finally {
      await withToken.shutdown(1000);
    }
  });

  it('METRICS_PORT: /metrics on that port only, with METRICS_TOKEN when set; nothing else there', async () => {
    const apart = await startProductionServer({ apps: emulatorApps(t.emulator.port), services, staticRoot, port: 0, host: '127.0.0.1', metrics: { port: 0, token: 'port-token' } });
    try {
      const me = await signIn(apart.url, 'viewer');
      expect((await fetch(`${apart.url}/metrics`, { headers: { Authorization: 'Bearer port-token' } })).status).toBe(404);
      expect(apart.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(apart.metricsUrl).not.toBe(apart.url);
      expect((await fetch(`${apart.metricsUrl}/metrics`)).status).toBe(401);
      const res = await fetch(`${apart.metricsUrl}/metrics`, { headers: { Authorization: 'Bearer port-token' } });
      expect(res.status).toBe(200);
      // The same console's counters: the sign-in on the main port is there.
      expect(parseMetrics(await res.text()).value('im_console_sign_ins_total', { method: 'password', outcome: 'ok' })).toBe(1);
      for (const path of ['/', '/readyz', '/im/demo/users', '/healthz']) expect.soft((await fetch(`${apart.metricsUrl}${path}`, { headers: { Cookie: me.cookie } })).status, path).toBe(404);
    } finally {
      await apart.shutdown(1000);
    }
    // Closed with the console.
    await expect(fetch(`${apart.metricsUrl}/metrics`)).rejects.toThrow();
  });

  it('mounts the proxy with sign-in required, and refuses dot segments anywhere', async () => {
    expect((await fetch(`${running.url}/im/demo/users?limit=1`)).status).toBe(401);
    const me = await signIn(running.url, 'viewer');
    expect((await me.call('GET', '/im/demo/users?limit=1')).status).toBe(200);
    expect((await me.call('POST', '/im/demo/users/x/deactivate')).status).toBe(403);
    expect(await rawGet(running.url, '/im/demo/../demo/token')).toBe(400);
    expect(await rawGet(running.url, '/im/demo/users/%2E%2E/token')).toBe(400);
    expect(await rawGet(running.url, '/assets/../index.html')).toBe(400);
    expect(await rawGet(running.url, '//etc/passwd')).toBe(400);
  });
});

/** `npm start` on free ports, its database in `dbFile`, the local emulator empty and in memory; `env` adds to that. */
const startLocal = async (dbFile: string, env: Record<string, string>) =>
  startMain({
    PORT: '0',
    HOST: '127.0.0.1',
    CONSOLE_DB: dbFile,
    CONSOLE_STATIC_DIR: staticRoot,
    IM_HOST: '',
    IM_APPS: '',
    EMULATOR_PORT: String(await freePort()),
    EMULATOR_DB: ':memory:',
    EMULATOR_SEED: 'none',
    ...env,
  });

describe('npm start (server/main.ts)', () => {
  it('on SIGTERM stops accepting, lets the call in flight finish, then exits 0', { timeout: 60_000 }, async () => {
    const dbFile = join(dir, 'console.sqlite');
    const database = await openConsoleDatabase({ url: dbFile });
    await createOperators(database.db).add('admin', 'admin', PASSWORD);
    await database.close();
    const { child, url, output, exited } = await startLocal(dbFile, {
      // Every emulator answer (the token, then the call) takes a second.
      EMULATOR_LATENCY: '1000',
      // The admin signs in with a password only (the second factor has tests of its own).
      REQUIRE_2FA: 'off',
    });
    try {
      // Sign-in is required under npm start even against the local emulator.
      expect((await fetch(`${url}/im-console/session`)).status).toBe(401);
      const me = await signIn(url, 'admin');
      const started = Date.now();
      const inFlight = me.call('GET', '/im/demo/users?limit=1');
      await new Promise((r) => setTimeout(r, 300));
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      // No longer accepting.
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ entities: [] });
      expect(Date.now() - started).toBeGreaterThan(1500);
      expect(await exited).toBe(0);
      const lines = output().trim().split('\n').map((l) => JSON.parse(l) as { msg: string; signal?: string });
      expect(lines).toContainEqual(expect.objectContaining({ msg: 'finishing calls in flight', signal: 'SIGTERM' }));
      expect(lines.at(-1)).toMatchObject({ msg: 'stopped' });
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('serves /readyz, and /metrics on METRICS_PORT only, to callers with METRICS_TOKEN', { timeout: 60_000 }, async () => {
    const { child, url, output } = await startLocal(join(dir, 'metrics.sqlite'), { METRICS_PORT: '0', METRICS_TOKEN: 'from-the-environment' });
    try {
      const metricsUrl = /"url":"(http:\/\/[^"]+\/metrics)","msg":"metrics listening"/.exec(output())?.[1];
      expect(metricsUrl, output()).toBeDefined();
      expect((await fetch(`${url}/metrics`, { headers: { Authorization: 'Bearer from-the-environment' } })).status).toBe(404);
      expect((await fetch(metricsUrl!)).status).toBe(401);
      expect((await scrape(metricsUrl!.replace(/\/metrics$/, ''), 'from-the-environment')).text).toContain('im_console_active_sessions 0');
      const ready = await fetch(`${url}/readyz`);
      expect(await ready.json()).toEqual({ ok: true, checks: { database: 'ok', apps: { demo: 'ok', 'demo-agora': 'ok' } } });
      // Probes that pass are not logged (the refused scrape is); the token never is.
      expect(output()).not.toContain('"path":"/readyz"');
      expect(output()).toMatch(/"path":"\/metrics","status":404/);
      expect(output()).not.toContain('from-the-environment');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
