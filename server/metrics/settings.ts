import { ConsoleSettingsError } from '../console-services.js';

// `npm start`'s metrics settings. Nothing set: no `/metrics` anywhere, so nothing leaks by default.

export interface MetricsSettings {
  /** `METRICS_TOKEN`: callers of `/metrics` send `Authorization: Bearer <token>`. */
  token?: string;
  /** `METRICS_PORT`: `/metrics` on this port only (same `HOST`), not on the console's. */
  port?: number;
}

export function readMetricsSettings(env: Record<string, string | undefined>): MetricsSettings {
  const token = env.METRICS_TOKEN?.trim() || undefined;
  const rawPort = env.METRICS_PORT?.trim();
  if (!rawPort) return { token };
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConsoleSettingsError(`METRICS_PORT must be a port number, got "${rawPort}"`);
  return { token, port };
}
