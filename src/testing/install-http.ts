import type { KyInstance } from 'ky';
import { onTestFinished } from 'vitest';
import { replaceHttp } from '@/lib/api-client/http';

// Apart from im-host.ts so that render.tsx can take a host without loading the emulator into
// every component test that has no use for one.

let installed: { http: KyInstance; restore: () => void } | undefined;

/** Sends the console's calls through `http` until the current test ends (idempotent within a test). */
export function installHttp(http: KyInstance): void {
  if (installed?.http === http) return;
  installed?.restore();
  installed = { http, restore: replaceHttp(http) };
  onTestFinished(() => {
    if (installed?.http !== http) return;
    installed.restore();
    installed = undefined;
  });
}
