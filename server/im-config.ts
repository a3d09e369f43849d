// Which IM apps the console can talk to, read from the environment (.env.local or process env).
// The secrets here stay on the server: only `publicApps()` ever reaches the browser.

export type Scheme = 'easemob' | 'agora';

export interface ImAppConfig {
  /** The app's key in console URLs, e.g. `prod` in `/prod/users`. */
  id: string;
  label: string;
  host: string;
  scheme: Scheme;
  org?: string;
  app?: string;
  appId?: string;
  clientId?: string;
  clientSecret?: string;
  appToken?: string;
  /** True when this app is the local emulator that `npm run dev` starts. */
  emulator: boolean;
}

/** What the browser may know about an app: no secrets, no tokens. */
export interface PublicApp {
  id: string;
  label: string;
  host: string;
  scheme: Scheme;
  /** `org#app` for Easemob, the app ID for Agora Chat. */
  appKey: string;
  emulator: boolean;
}

export const EMULATOR_DEFAULT_PORT = 5080;

export class ImConfigError extends Error {}

/** The path prefix of every call: `/{org}/{app}` or `/app-id/{app_id}`. */
export function pathPrefix(app: ImAppConfig): string {
  return app.scheme === 'agora'
    ? `/app-id/${encodeURIComponent(app.appId!)}`
    : `/${encodeURIComponent(app.org!)}/${encodeURIComponent(app.app!)}`;
}

export function toPublic(app: ImAppConfig): PublicApp {
  return {
    id: app.id,
    label: app.label,
    host: app.host,
    scheme: app.scheme,
    appKey: app.scheme === 'agora' ? app.appId! : `${app.org}#${app.app}`,
    emulator: app.emulator,
  };
}

const ID_RE = /^[a-z0-9][a-z0-9-]{0,31}$/;

function readApp(env: Record<string, string | undefined>, id: string, prefix: string): ImAppConfig {
  const get = (name: string) => {
    const v = env[`${prefix}${name}`];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const where = prefix === 'IM_' ? 'IM_*' : `${prefix}*`;
  const host = get('HOST');
  if (!host) throw new ImConfigError(`${prefix}HOST is missing (${where})`);
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    throw new ImConfigError(`${prefix}HOST is not a URL: ${host}`);
  }
  const scheme = (get('SCHEME') ?? (get('APP_ID') ? 'agora' : 'easemob')) as Scheme;
  if (scheme !== 'easemob' && scheme !== 'agora') throw new ImConfigError(`${prefix}SCHEME must be easemob or agora, got ${scheme}`);
  const app: ImAppConfig = {
    id,
    label: get('LABEL') ?? id,
    host: url.origin,
    scheme,
    org: get('ORG'),
    app: get('APP'),
    appId: get('APP_ID'),
    clientId: get('CLIENT_ID'),
    clientSecret: get('CLIENT_SECRET'),
    appToken: get('APP_TOKEN'),
    emulator: false,
  };
  if (scheme === 'easemob' && (!app.org || !app.app)) throw new ImConfigError(`${prefix}ORG and ${prefix}APP are required for the easemob scheme`);
  if (scheme === 'agora' && !app.appId) throw new ImConfigError(`${prefix}APP_ID is required for the agora scheme`);
  if (!app.appToken && !(app.clientId && app.clientSecret)) {
    throw new ImConfigError(`${where}: set ${prefix}CLIENT_ID and ${prefix}CLIENT_SECRET, or ${prefix}APP_TOKEN`);
  }
  return app;
}

/** The local emulator under both of its path schemes: two "apps" over the same data. */
export function emulatorApps(port: number): ImAppConfig[] {
  const common = {
    host: `http://127.0.0.1:${port}`,
    clientId: 'demo-client-id',
    clientSecret: 'demo-client-secret',
    emulator: true,
  };
  return [
    { ...common, id: 'demo', label: 'Emulator · Easemob', scheme: 'easemob', org: 'demo', app: 'console' },
    { ...common, id: 'demo-agora', label: 'Emulator · Agora Chat', scheme: 'agora', appId: 'demoappid' },
  ];
}

/**
 * One app from `IM_HOST`, `IM_SCHEME`, …; several from `IM_APPS=prod,staging` with
 * `IM_PROD_HOST`, `IM_STAGING_HOST`, … ; none of these set: the local emulator.
 */
export function readImConfig(env: Record<string, string | undefined>): ImAppConfig[] {
  const list = env.IM_APPS?.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (list && list.length > 0) {
    return list.map((id) => {
      if (!ID_RE.test(id)) throw new ImConfigError(`IM_APPS: "${id}" is not a valid app id (a-z, 0-9, -)`);
      return readApp(env, id, `IM_${id.toUpperCase().replace(/-/g, '_')}_`);
    });
  }
  if (env.IM_HOST) return [readApp(env, (env.IM_ID ?? 'main').toLowerCase(), 'IM_')];
  return emulatorApps(Number(env.EMULATOR_PORT ?? EMULATOR_DEFAULT_PORT));
}
