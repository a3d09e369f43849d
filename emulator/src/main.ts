import { parseArgs } from 'node:util';
import { DEMO_USER_COUNT } from './seed/demo.js';
import { startEmulator } from './server.js';

const HELP = `IM REST API emulator

  npm run emulator -- [--port 5080] [--db .data/emulator.sqlite | :memory:] [--seed demo|none]
                      [--rate N] [--latency MS] [--friend-cap N] [--users N]

  --users N: the demo seed with N users in all (default and minimum ${DEMO_USER_COUNT}); the users past the
  demo's are generated deterministically (user-003200, …). Only a new database is seeded.

  Each option may also come from the environment: EMULATOR_PORT, EMULATOR_DB, EMULATOR_SEED,
  EMULATOR_RATE, EMULATOR_LATENCY, EMULATOR_FRIEND_CAP, EMULATOR_USERS. Flags win over the environment.`;

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    db: { type: 'string' },
    seed: { type: 'string' },
    rate: { type: 'string' },
    latency: { type: 'string' },
    'friend-cap': { type: 'string' },
    users: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

function intOption(name: string, flag: string | undefined, env: string, fallback: number): number {
  const raw = flag ?? process.env[env];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} / ${env} must be a whole number, got "${raw}"\n\n${HELP}`);
    process.exit(2);
  }
  return n;
}

const seed = values.seed ?? process.env.EMULATOR_SEED ?? 'demo';
if (seed !== 'demo' && seed !== 'none') {
  console.error(`--seed must be demo or none, got "${seed}"\n\n${HELP}`);
  process.exit(2);
}

const users = intOption('users', values.users, 'EMULATOR_USERS', DEMO_USER_COUNT);
if (users < DEMO_USER_COUNT) {
  console.error(`--users / EMULATOR_USERS must be at least ${DEMO_USER_COUNT} (the demo's own users), got ${users}\n\n${HELP}`);
  process.exit(2);
}

const emulator = await startEmulator({
  port: intOption('port', values.port, 'EMULATOR_PORT', 5080),
  db: values.db ?? process.env.EMULATOR_DB ?? '.data/emulator.sqlite',
  seed,
  rate: intOption('rate', values.rate, 'EMULATOR_RATE', 0),
  latency: intOption('latency', values.latency, 'EMULATOR_LATENCY', 0),
  friendCap: intOption('friend-cap', values['friend-cap'], 'EMULATOR_FRIEND_CAP', 3000),
  users,
});

const { options: o } = emulator;
console.log(`IM emulator listening on ${emulator.url}${emulator.seeded ? ` (demo data seeded${users > DEMO_USER_COUNT ? `, ${users} users` : ''})` : ''}
  Easemob scheme:    ${emulator.url}/${o.org}/${o.app}
  Agora Chat scheme: ${emulator.url}/app-id/${o.appId}
  client_id:         ${o.clientId}
  client_secret:     ${o.clientSecret}
  rate limit:        ${o.rate > 0 ? `${o.rate} calls/s` : 'none'}; latency: ${o.latency} ms
Get a token:  curl -X POST ${emulator.url}/${o.org}/${o.app}/token -H 'Content-Type: application/json' \\
  -d '{"grant_type":"client_credentials","client_id":"${o.clientId}","client_secret":"${o.clientSecret}","ttl":0}'`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
