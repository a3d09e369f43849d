import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, expect, it } from 'vitest';

// Secrets set the way an operator would set them must not end up in the browser bundle.
const CANARIES = {
  IM_HOST: 'https://canary-host.example.com',
  IM_ORG: 'canaryorg',
  IM_APP: 'canaryapp',
  IM_CLIENT_ID: 'CANARY-CLIENT-ID-4f1c',
  IM_CLIENT_SECRET: 'CANARY-CLIENT-SECRET-9a7e',
  IM_APP_TOKEN: 'CANARY-APP-TOKEN-2b6d',
};

const outDir = mkdtempSync(join(tmpdir(), 'im-console-build-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

it('a production build configured with real credentials contains none of them', { timeout: 120_000 }, async () => {
  const saved = { ...process.env };
  Object.assign(process.env, CANARIES);
  try {
    await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env = saved;
  }
  const files = filesUnder(outDir);
  expect(files.some((f) => f.endsWith('.js'))).toBe(true);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const secret of [CANARIES.IM_CLIENT_SECRET, CANARIES.IM_APP_TOKEN, CANARIES.IM_CLIENT_ID]) {
      expect.soft(text.includes(secret), `${file} contains ${secret}`).toBe(false);
    }
  }
});
