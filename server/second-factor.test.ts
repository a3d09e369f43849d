import { generate } from 'otplib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleDatabase, Dialect } from './store/database.js';
import { DIALECTS, openTestDatabase } from './testing/test-database.js';
import { createOperators } from './operators.js';
import { createSecondFactor, RECOVERY_CODE_COUNT } from './second-factor.js';

let dialect: Dialect = 'sqlite';
let opened: ConsoleDatabase | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

/** A console DB with one operator and a clock the test moves. */
async function setUp() {
  opened = await openTestDatabase(dialect);
  const { db } = opened;
  const operator = await createOperators(db).add('alice', 'admin', 'a long enough password');
  const clock = { ms: Date.parse('2026-12-03T08:00:10Z') };
  const factor = createSecondFactor(db, () => clock.ms);
  /** The code an authenticator app shows at the clock's time (plus `offsetSeconds`). */
  const codeAt = (secret: string, offsetSeconds = 0) => generate({ secret, epoch: Math.floor(clock.ms / 1000) + offsetSeconds });
  return { db, id: operator.id, clock, factor, codeAt };
}

/** Enrolled and confirmed; the secret and the recovery codes. */
async function enrolled() {
  const s = await setUp();
  const { secret, uri } = await s.factor.begin(s.id, 'alice');
  const codes = await s.factor.confirm(s.id, await s.codeAt(secret));
  // The confirming code's window passes, so the tests below start from a fresh one.
  s.clock.ms += 30_000;
  return { ...s, secret, uri, codes: codes! };
}

describe.each(DIALECTS)('second factor (TOTP) on %s', (d) => {
  beforeEach(() => {
    dialect = d;
  });

  it('enrols: a secret in an otpauth URI, confirmed only by a code from it; ten recovery codes, kept hashed', async () => {
    const { db, id, factor, codeAt } = await setUp();
    const { secret, uri } = await factor.begin(id, 'alice');
    expect(uri).toMatch(/^otpauth:\/\/totp\/IM%20Admin%20Console:alice\?/);
    expect(new URL(uri).searchParams.get('secret')).toBe(secret);
    expect(await factor.enrolled(id)).toBe(false);

    expect(await factor.confirm(id, '000000' === (await codeAt(secret)) ? '111111' : '000000')).toBeUndefined();
    expect(await factor.confirm(id, 'not a code')).toBeUndefined();
    expect(await factor.enrolled(id)).toBe(false);

    const codes = await factor.confirm(id, await codeAt(secret));
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const c of codes!) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(await factor.enrolled(id)).toBe(true);
    expect(await factor.recoveryCodesLeft(id)).toBe(RECOVERY_CODE_COUNT);
    const stored = JSON.stringify(await db.selectFrom('recovery_codes').selectAll().execute());
    for (const c of codes!) expect(stored).not.toContain(c.replace('-', ''));
  });

  it('a new enrolment that is never confirmed leaves the confirmed secret in place', async () => {
    const { id, factor, secret, codeAt } = await enrolled();
    await factor.begin(id, 'alice');
    expect(await factor.check(id, await codeAt(secret))).toBe('totp');
  });

  it('takes the current code and its neighbour steps, not one from two steps away', async () => {
    const { id, factor, secret, codeAt, clock } = await enrolled();
    expect(await factor.check(id, await codeAt(secret, -60))).toBe(false);
    expect(await factor.check(id, await codeAt(secret, 30))).toBe('totp');
    clock.ms += 60_000;
    expect(await factor.check(id, await codeAt(secret, -30))).toBe(false); // not after the step already used
    expect(await factor.check(id, await codeAt(secret))).toBe('totp');
  });

  it('refuses a code used once for the rest of its window', async () => {
    const { id, factor, secret, codeAt, clock } = await enrolled();
    const code = await codeAt(secret);
    expect(await factor.check(id, code)).toBe('totp');
    expect(await factor.check(id, code)).toBe(false);
    clock.ms += 20_000;
    expect(await factor.check(id, code)).toBe(false);
    // Two sign-ins racing with the next code: exactly one passes.
    clock.ms += 30_000;
    const next = await codeAt(secret);
    const results = await Promise.all([factor.check(id, next), factor.check(id, next)]);
    expect(results.filter((r) => r === 'totp')).toHaveLength(1);
  });

  it('takes each recovery code once, however it is typed', async () => {
    const { id, factor, codes } = await enrolled();
    expect(await factor.check(id, codes[0]!.toUpperCase().replace('-', ' '))).toBe('recovery');
    expect(await factor.check(id, codes[0]!)).toBe(false);
    expect(await factor.check(id, 'abcde-fghjk')).toBe(false);
    expect(await factor.recoveryCodesLeft(id)).toBe(RECOVERY_CODE_COUNT - 1);
    expect(await factor.check(id, codes[1]!)).toBe('recovery');
  });

  it('a reset removes the secret and the codes', async () => {
    const { id, factor, secret, codes, codeAt } = await enrolled();
    await factor.reset(id);
    expect(await factor.enrolled(id)).toBe(false);
    expect(await factor.recoveryCodesLeft(id)).toBe(0);
    expect(await factor.check(id, await codeAt(secret))).toBe(false);
    expect(await factor.check(id, codes[2]!)).toBe(false);
  });
});
