import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsoleDatabase } from './store/database.js';
import { DIALECTS, newPostgresDatabase, openTestDatabase } from './testing/test-database.js';
import { generate } from 'otplib';
import { createOperators, OperatorError } from './operators.js';
import { createSecondFactor } from './second-factor.js';
import { createSessions } from './sessions.js';

const dir = mkdtempSync(join(tmpdir(), 'im-console-ops-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(DIALECTS)('operators on %s', (dialect) => {
  it('stores argon2id hashes only, verifies, and refuses disabled accounts', async () => {
    const database = await openTestDatabase(dialect);
    const { db } = database;
    const ops = createOperators(db);
    await ops.add('Alice', 'support', 'a long enough password');
    const row = await db.selectFrom('operators').selectAll().executeTakeFirstOrThrow();
    expect(row.username).toBe('alice');
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(row)).not.toContain('a long enough password');
    expect(await ops.verify('ALICE', 'a long enough password')).toMatchObject({ username: 'alice', role: 'support' });
    expect(await ops.verify('alice', 'a long enough passworD')).toBeUndefined();
    expect(await ops.verify('nobody', 'a long enough password')).toBeUndefined();
    await ops.disable('alice');
    expect(await ops.verify('alice', 'a long enough password')).toBeUndefined();
    await ops.enable('alice');
    expect(await ops.verify('alice', 'a long enough password')).toBeDefined();
    await expect(ops.add('alice', 'admin', 'another long password')).rejects.toThrow(/already exists/);
    await expect(ops.add('bob', 'root', 'another long password')).rejects.toThrow(OperatorError);
    await expect(ops.add('bob', 'admin', 'short')).rejects.toThrow(/at least 12/);
    await expect(ops.add('bad name', 'admin', 'another long password')).rejects.toThrow(/not a valid operator name/);
    await database.close();
  });
});

describe.each(DIALECTS)('npm run operator on %s', (dialect) => {
  const dbFile = join(dir, 'console.sqlite');
  let databaseUrl = '';
  beforeAll(async () => {
    if (dialect === 'postgres') databaseUrl = await newPostgresDatabase();
  });
  const open = () => openConsoleDatabase({ url: databaseUrl || dbFile });
  const run = (args: string[], input?: string) => {
    const r = spawnSync(process.execPath, ['server/bin/operator.mjs', ...args], {
      env: { ...process.env, CONSOLE_DB: dbFile, DATABASE_URL: databaseUrl },
      input: input ?? '',
      encoding: 'utf8',
    });
    return { code: r.status, out: `${r.stdout}${r.stderr}` };
  };

  it('adds (password from standard input), lists, changes roles, disables and resets passwords', { timeout: 60_000 }, async () => {
    expect(run(['add', 'carol', '--role', 'moderator'], 'carol-password-1\n')).toEqual({ code: 0, out: 'added carol (moderator)\n' });
    expect(run(['add', 'dave', '--role=viewer'], 'dave-password-12\n').code).toBe(0);
    const list = run(['list']);
    expect(list.out).toMatch(/^carol\s+moderator\s+active/m);
    expect(list.out).toMatch(/^dave\s+viewer\s+active/m);
    expect(run(['set-role', 'dave', 'support'])).toEqual({ code: 0, out: 'dave is now support\n' });
    expect(run(['disable', 'carol']).code).toBe(0);
    expect(run(['list']).out).toMatch(/^carol\s+moderator\s+disabled/m);
    expect(run(['reset-password', 'dave'], 'dave-new-password\n').code).toBe(0);

    const database = await open();
    const ops = createOperators(database.db);
    expect(await ops.verify('dave', 'dave-new-password')).toMatchObject({ role: 'support' });
    expect(await ops.verify('dave', 'dave-password-12')).toBeUndefined();
    expect(await ops.verify('carol', 'carol-password-1')).toBeUndefined();
    await database.close();
    // Passwords never reach the output, nor the database file in clear.
    if (dialect === 'sqlite') expect(readFileSync(dbFile).includes('dave-new-password')).toBe(false);
  });

  // The rest does not depend on the database: once, on the default one.
  it.runIf(dialect === 'sqlite')('reset-2fa removes a second factor and ends the sessions', { timeout: 60_000 }, async () => {
    expect(run(['add', 'frank', '--role', 'admin'], 'frank-password-1\n').code).toBe(0);
    const database = await open();
    const { db } = database;
    const frank = (await createOperators(db).get('frank'))!;
    const factor = createSecondFactor(db);
    const { secret } = await factor.begin(frank.id, 'frank');
    expect(await factor.confirm(frank.id, await generate({ secret }))).toHaveLength(10);
    await createSessions(db, { idleMs: 60_000, maxMs: 60_000 }).create(frank.id, 'password+totp');
    expect(run(['reset-2fa', 'frank'])).toEqual({ code: 0, out: 'second factor removed for frank; their sessions have ended\n' });
    expect(await factor.enrolled(frank.id)).toBe(false);
    expect(await factor.recoveryCodesLeft(frank.id)).toBe(0);
    expect(await db.selectFrom('sessions').selectAll().where('operator_id', '=', frank.id).execute()).toEqual([]);
    expect(run(['reset-2fa', 'nobody'])).toMatchObject({ code: 1, out: expect.stringMatching(/no operator "nobody"/) });
    await database.close();
  });

  it.runIf(dialect === 'sqlite')('explains mistakes with a non-zero exit', () => {
    expect(run(['add', 'erin', '--role', 'root'], 'erin-password-12\n')).toMatchObject({ code: 1, out: expect.stringMatching(/not a role/) });
    expect(run(['add', 'erin'], 'erin-password-12\n')).toMatchObject({ code: 2, out: expect.stringMatching(/--role ROLE is required/) });
    expect(run(['add', 'erin', '--role', 'viewer'], 'short\n')).toMatchObject({ code: 1, out: expect.stringMatching(/at least 12/) });
    expect(run(['set-role', 'nobody', 'admin'])).toMatchObject({ code: 1, out: expect.stringMatching(/no operator "nobody"/) });
    expect(run(['frobnicate'])).toMatchObject({ code: 2, out: expect.stringMatching(/unknown command/) });
    const out = run(['add', 'erin', '--role', 'viewer'], 'visible-password-1\n').out;
    expect(out).not.toContain('visible-password-1');
  });
});
