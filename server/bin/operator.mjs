// `npm run operator -- …`. In a checkout with devDependencies, runs the TypeScript source through
// tsx (no build needed); in a production install (`npm ci --omit=dev`, the Docker image), runs the
// bundle that `npm run build` wrote to dist-server/.
import { existsSync } from 'node:fs';

const built = new URL('../../dist-server/operator.js', import.meta.url);
let register;
try {
  ({ register } = await import('tsx/esm/api'));
} catch {
  register = undefined;
}
if (register) {
  register();
  await import('../operator-cli.ts');
} else if (existsSync(built)) {
  await import(built.href);
} else {
  console.error('dist-server/operator.js is missing: run `npm run build` first.');
  process.exit(1);
}
