import type { HttpBindings } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { createConsoleApp, type ConsoleAppOptions } from './app.js';
import type { ConsoleServices } from './console-services.js';
import { nodeListener } from './http/node-listener.js';
import type { ImAppConfig } from './im-config.js';
import { log as processLog, type Log } from './log.js';
import { metricsApp } from './metrics/routes.js';

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
  proxy?: Pick<ConsoleAppOptions, 'fetch' | 'now'>;
  log?: Log;
  /**
   * `GET /metrics`: with `port` on a listener of its own (and not on the main port), else with
   * `token` on the main port; neither, not served at all. `token` is required of callers on either.
   */
  metrics?: { token?: string; port?: number };
}

type Env = { Bindings: HttpBindings };

export function createProductionApp(o: ProductionOptions) {
  const metricsToken = o.metrics?.port === undefined ? o.metrics?.token : undefined;
  const consoleApp = createConsoleApp({ ...o.proxy, apps: o.apps, services: o.services, log: o.log, metricsToken });
  // serveStatic takes a root relative to the working directory.
  const root = relative(process.cwd(), o.staticRoot) || '.';
  // Read once: the SPA fallback answers it for every client route.
  const indexHtml = readFileSync(join(o.staticRoot, 'index.html'), 'utf8');
  const app = new Hono<Env>();

  app.use(async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });

  app.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ ok: true });
  });

  // The console's own routes (sessions, the IM proxy, audit, search), and its path guard and logs for everything.
  app.route('/', consoleApp.app);

  app.use(compress());
  app.use(
    '/assets/*',
    serveStatic({
      root,
      // Hashed names: a changed file gets a new name, so browsers may keep these for a year.
      onFound: (_path, c) => c.header('Cache-Control', IMMUTABLE),
    }),
  );
  app.all('/assets/*', (c) => c.json({ error: 'not_found', error_description: 'No such asset.' }, 404));
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
  return { app, close: consoleApp.close, metrics: consoleApp.metrics };
}

export interface RunningServer {
  url: string;
  server: Server;
  /** The `METRICS_PORT` listener's address, when there is one. */
  metricsUrl?: string;
  /** Stop accepting, let calls in flight finish (up to `timeoutMs`), then close everything. */
  shutdown: (timeoutMs?: number) => Promise<'drained' | 'timed_out'>;
}

function listen(listener: Parameters<typeof createServer>[1], port: number, host: string): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const s = createServer(listener);
    s.listen(port, host, () => resolve(s));
    s.once('error', reject);
  });
}

export async function startProductionServer(o: ProductionOptions & { port: number; host: string }): Promise<RunningServer> {
  const { app, close, metrics } = createProductionApp(o);
  const server = await listen(nodeListener(app.fetch, SECURITY_HEADERS), o.port, o.host);
  const metricsPort = o.metrics?.port;
  const metricsServer =
    metricsPort === undefined ? undefined : await listen(nodeListener(metricsApp(metrics, o.metrics?.token, o.log ?? processLog).fetch, SECURITY_HEADERS), metricsPort, o.host);
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  const urlOf = (s: Server) => `http://${host}:${(s.address() as AddressInfo).port}`;
  let stopping: Promise<'drained' | 'timed_out'> | undefined;
  return {
    url: urlOf(server),
    server,
    metricsUrl: metricsServer && urlOf(metricsServer),
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
        void close();
        // Scrapes are short and need no draining.
        metricsServer?.close();
        metricsServer?.closeAllConnections();
        server.closeIdleConnections();
      });
      return stopping;
    },
  };
}
