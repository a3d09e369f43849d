import { serve, type HttpBindings } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import type { ConsoleServices } from './console-services.js';
import type { ImAppConfig } from './im-config.js';
import { createImProxy, hasUnsafePath, type ProxyOptions } from './im-proxy.js';

// `npm start`: one Node process serving the built console (dist/) and the same proxy as dev.

/**
 * On every answer, the proxy's too. The CSP allows no inline script. `style-src` needs
 * 'unsafe-inline' because Mantine injects `<style>` tags (its CSS variables) at run time.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // For browsers that predate frame-ancestors.
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface ProductionOptions {
  apps: ImAppConfig[];
  services: ConsoleServices;
  /** The built console (`dist/`, or another `vite build --outDir`). */
  staticRoot: string;
  proxy?: Omit<ProxyOptions, 'console'>;
}

type Env = { Bindings: HttpBindings };

export function createProductionApp(o: ProductionOptions) {
  const proxy = createImProxy(o.apps, { ...o.proxy, console: o.services });
  // serveStatic takes a root relative to the working directory.
  const root = relative(process.cwd(), o.staticRoot) || '.';
  // Read once: the SPA fallback answers it for every client route.
  const indexHtml = readFileSync(join(o.staticRoot, 'index.html'), 'utf8');
  const app = new Hono<Env>();

  app.use(async (c, next) => {
    // On the path as sent: by the time Hono routes it, `..` has been resolved away.
    if (hasUnsafePath(c.env.incoming.url ?? '/')) {
      return c.json({ error: 'invalid_path', error_description: 'Paths with `.` or `..` segments, backslashes or `//` are refused.' }, 400, SECURITY_HEADERS);
    }
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });

  app.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ ok: true });
  });

  // The proxy writes to Node's response itself (it streams bodies and keeps paths as sent).
  const toProxy = async (c: Context<Env>) => {
    const { incoming, outgoing } = c.env;
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) outgoing.setHeader(name, value);
    let failure: unknown;
    let passed = false;
    await proxy(incoming, outgoing, (err) => {
      passed = true;
      failure = err;
    });
    if (passed && !outgoing.headersSent) {
      if (failure) console.error('proxy error:', failure);
      outgoing.writeHead(failure ? 500 : 404, { 'Content-Type': 'application/json; charset=utf-8' });
      outgoing.end(JSON.stringify(failure ? { error: 'internal_error', error_description: 'The console server failed.' } : { error: 'not_found' }));
    }
    return RESPONSE_ALREADY_SENT;
  };
  app.all('/im', toProxy);
  app.all('/im/*', toProxy);
  app.all('/im-console', toProxy);
  app.all('/im-console/*', toProxy);

  app.use(compress());
  app.use(
    '/assets/*',
    serveStatic({
      root,
      // Hashed names: a changed file gets a new name, so browsers may keep these for a year.
      onFound: (_path, c) => c.header('Cache-Control', IMMUTABLE),
    }),
  );
  app.all('/assets/*', (c) => c.json({ error: 'not_found' }, 404));
  const sendIndex = (c: Context<Env>) => {
    // Always revalidated: it names the current hashed assets.
    c.header('Cache-Control', 'no-cache');
    return c.html(indexHtml);
  };
  app.get('/', sendIndex);
  app.get('/index.html', sendIndex);
  app.use(serveStatic({ root, onFound: (_path, c) => c.header('Cache-Control', 'no-cache') }));
  // Client routes (`/demo/users/alice`) are the app's: answer the page and let the router decide.
  app.get('*', sendIndex);
  return app;
}

export interface RunningServer {
  url: string;
  server: Server;
  /** Stop accepting, let calls in flight finish (up to `timeoutMs`), then close everything. */
  shutdown: (timeoutMs?: number) => Promise<'drained' | 'timed_out'>;
}

export async function startProductionServer(o: ProductionOptions & { port: number; host: string }): Promise<RunningServer> {
  const app = createProductionApp(o);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: o.port, hostname: o.host }, () => resolve(s as Server)) as Server;
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  let stopping: Promise<'drained' | 'timed_out'> | undefined;
  return {
    url: `http://${host}:${port}`,
    server,
    shutdown(timeoutMs = 10_000) {
      stopping ??= new Promise((resolve) => {
        const timer = setTimeout(() => {
          server.closeAllConnections();
          resolve('timed_out');
        }, timeoutMs);
        timer.unref();
        // close() stops accepting and ends idle keep-alive connections; busy ones end after their answer.
        server.close(() => {
          clearTimeout(timer);
          resolve('drained');
        });
        server.closeIdleConnections();
      });
      return stopping;
    },
  };
}
