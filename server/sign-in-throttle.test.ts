import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSignInThrottle, THROTTLE_POLICY, type SignInThrottle, type ThrottleDecision, type ThrottleOptions } from './sign-in-throttle.js';
import { openConsoleDatabase, type ConsoleDatabase } from './store/database.js';
import { DIALECTS, newPostgresDatabase, openTestDatabase } from './testing/test-database.js';

// The throttle's policy, the same on SQLite and PostgreSQL, and shared by every server on one
// PostgreSQL database. Time is the test's clock; attempts sent at once are reserves run together.

const MINUTE = 60_000;

type Granted = Extract<ThrottleDecision, { refused: false }>;
type Refused = Extract<ThrottleDecision, { refused: true }>;

async function granted(d: Promise<ThrottleDecision>): Promise<Granted> {
  const decision = await d;
  if (decision.refused) throw new Error(`refused: ${decision.reason}`);
  return decision;
}
async function refused(d: Promise<ThrottleDecision>): Promise<Refused> {
  const decision = await d;
  if (!decision.refused) throw new Error('granted');
  return decision;
}
const grantedOnly = (ds: ThrottleDecision[]) => ds.filter((d): d is Granted => !d.refused);

/** `n` attempts sent at once, the i-th by `reserve(i)`. */
const atOnce = <T>(n: number, reserve: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => reserve(i)));

/** `n` failures of one name from one address, each settled at once. */
async function fail(throttle: SignInThrottle, name: string, address: string, n = 1) {
  for (let i = 0; i < n; i++) await (await granted(throttle.reserve(name, address))).settle(false);
}

const settleAll = (ds: Granted[], ok: boolean) => Promise.all(ds.map((d) => d.settle(ok)));

describe.each(DIALECTS)('sign-in throttle on %s', (dialect) => {
  let database: ConsoleDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(dialect);
  });
  afterEach(() => database.close());

  function setup(options: ThrottleOptions = {}) {
    const clock = { now: 1_000_000 };
    const throttle = createSignInThrottle(database, { now: () => clock.now, ...options });
    return { clock, throttle };
  }

  describe('attempts in flight count', () => {
    it('grants at most 5 of 40 parallel attempts of one name from one address, and refuses the 41st', async () => {
      const { throttle } = setup();
      const all = await atOnce(40, () => throttle.reserve('admin1', '203.0.113.5'));
      expect(grantedOnly(all)).toHaveLength(5);
      const last = await refused(throttle.reserve('admin1', '203.0.113.5'));
      expect(last.reason).toBe('pair_locked');
      expect(last.retryAfterSeconds).toBe(900);
    });

    it('refuses the right password after 40 parallel wrong ones from the same address, before and after they settle', async () => {
      const { throttle, clock } = setup();
      const wrong = await atOnce(40, () => throttle.reserve('admin1', '203.0.113.5'));
      // The right password arrives while the wrong ones are still being hashed...
      expect((await refused(throttle.reserve('admin1', '203.0.113.5'))).reason).toBe('pair_locked');
      clock.now += 300;
      await settleAll(grantedOnly(wrong), false);
      // ...and after they all failed.
      expect(await refused(throttle.reserve('admin1', '203.0.113.5'))).toMatchObject({ reason: 'pair_locked', retryAfterSeconds: 900 });
    });

    it('still lets the name sign in from a fresh address, only slowed', async () => {
      const { throttle } = setup();
      await settleAll(grantedOnly(await atOnce(40, () => throttle.reserve('admin1', '203.0.113.5'))), false);
      const elsewhere = await granted(throttle.reserve('Admin1 ', '198.51.100.7'));
      // Five failures of the name so far: three past `slowAfter`.
      expect(elsewhere.delayMs).toBe(1500);
      await elsewhere.settle(true);
      // The success cleared the name's failures and the pair's, so the delay is gone...
      expect((await granted(throttle.reserve('admin1', '198.51.100.7'))).delayMs).toBe(0);
      // ...but the attacker's own pair stays locked.
      expect((await refused(throttle.reserve('admin1', '203.0.113.5'))).reason).toBe('pair_locked');
    });

    it('checks at most 20 of 300 distinct names from one address', async () => {
      const { throttle } = setup();
      const all = await atOnce(300, (i) => throttle.reserve(`nobody${i}`, '203.0.113.9'));
      expect(grantedOnly(all)).toHaveLength(20);
      expect(all.filter((d) => d.refused && d.reason === 'address_locked')).toHaveLength(280);
      await settleAll(grantedOnly(all), false);
      // Locked for every name now, even a real one; other addresses are not affected.
      expect(await refused(throttle.reserve('admin1', '203.0.113.9'))).toMatchObject({ reason: 'address_locked', retryAfterSeconds: 900 });
      expect((await granted(throttle.reserve('admin1', '203.0.113.10'))).delayMs).toBe(0);
    });

    it('grants at most 5 of 300 parallel attempts against one name from one address', async () => {
      const { throttle } = setup();
      expect(grantedOnly(await atOnce(300, () => throttle.reserve('admin1', '203.0.113.5')))).toHaveLength(5);
    });
  });

  describe('settling', () => {
    it('settle(true) frees its slot; settle is idempotent', async () => {
      const { throttle } = setup();
      const five: Granted[] = [];
      for (let i = 0; i < 5; i++) five.push(await granted(throttle.reserve('admin1', '10.0.0.1')));
      await refused(throttle.reserve('admin1', '10.0.0.1'));
      await five[0]!.settle(true);
      // Its slot is free; the four others are still in flight and still count.
      const sixth = await granted(throttle.reserve('admin1', '10.0.0.1'));
      await refused(throttle.reserve('admin1', '10.0.0.1'));
      // A second settle changes nothing: not a second slot, not a failure.
      await five[0]!.settle(true);
      await five[0]!.settle(false);
      await refused(throttle.reserve('admin1', '10.0.0.1'));
      await sixth.settle(true);
      await settleAll(five.slice(1), true);
      expect((await granted(throttle.reserve('admin1', '10.0.0.1'))).delayMs).toBe(0);
    });

    it('a right password clears the pair and the name but not the address', async () => {
      const { throttle } = setup();
      await fail(throttle, 'admin1', '10.0.0.1', 4);
      await fail(throttle, 'other', '10.0.0.1', 4);
      // Eight failures from the address: the answer waits for them, not for the name's four.
      const ok = await granted(throttle.reserve('admin1', '10.0.0.1'));
      expect(ok.delayMs).toBe(3000);
      await ok.settle(true);
      // The address still has its eight failures (another user behind the NAT made them).
      expect((await granted(throttle.reserve('admin1', '10.0.0.1'))).delayMs).toBe(3000);
      // The name itself, from elsewhere, waits no longer.
      expect((await granted(throttle.reserve('admin1', '10.0.0.2'))).delayMs).toBe(0);
    });

    it("a right password clears only its own pair: the name's failures from another address still count there", async () => {
      const { throttle } = setup();
      await fail(throttle, 'admin1', '10.0.0.66', 4);
      await (await granted(throttle.reserve('admin1', '10.0.0.1'))).settle(true);
      // The name's delay is gone, but the other pair keeps its four failures: one more locks it.
      await fail(throttle, 'admin1', '10.0.0.66');
      expect((await refused(throttle.reserve('admin1', '10.0.0.66'))).reason).toBe('pair_locked');
    });

    it('settle(false) records the failure at settle time', async () => {
      const { throttle, clock } = setup({ windowMs: 10 * MINUTE, lockMs: 10 * MINUTE });
      const d = await granted(throttle.reserve('admin1', '10.0.0.1'));
      clock.now += 9 * MINUTE;
      await d.settle(false);
      await fail(throttle, 'admin1', '10.0.0.1', 3);
      // Reserved 9 minutes ago, but it failed just now: still in the window.
      clock.now += 5 * MINUTE;
      await (await granted(throttle.reserve('admin1', '10.0.0.1'))).settle(false);
      expect((await refused(throttle.reserve('admin1', '10.0.0.1'))).reason).toBe('pair_locked');
    });

    it('forgets an attempt never settled after a window', async () => {
      const { throttle, clock } = setup();
      for (let i = 0; i < 5; i++) await granted(throttle.reserve('admin1', '10.0.0.1'));
      await refused(throttle.reserve('admin1', '10.0.0.1'));
      clock.now += 15 * MINUTE;
      expect((await granted(throttle.reserve('admin1', '10.0.0.1'))).delayMs).toBe(0);
    });
  });

  describe('time', () => {
    it('locks a pair for lockMs after the fifth failure, and the name never', async () => {
      const { throttle, clock } = setup();
      await fail(throttle, 'admin1', '10.0.0.1', 5);
      expect(await refused(throttle.reserve('admin1', '10.0.0.1'))).toMatchObject({ reason: 'pair_locked', retryAfterSeconds: 900 });
      expect((await granted(throttle.reserve('admin1', '10.0.0.2'))).delayMs).toBe(1500);
      clock.now += 10 * MINUTE;
      expect((await refused(throttle.reserve('admin1', '10.0.0.1'))).retryAfterSeconds).toBe(300);
      clock.now += 5 * MINUTE;
      expect((await granted(throttle.reserve('admin1', '10.0.0.1'))).delayMs).toBe(0);
    });

    it('ends a lock after lockMs even when it is shorter than the window; the next failures start a new count', async () => {
      const { throttle, clock } = setup({ lockMs: MINUTE, windowMs: 15 * MINUTE, slowAfter: 100 });
      await fail(throttle, 'admin1', '10.0.0.1', 5);
      expect((await refused(throttle.reserve('admin1', '10.0.0.1'))).retryAfterSeconds).toBe(60);
      clock.now += MINUTE;
      await fail(throttle, 'admin1', '10.0.0.1', 4);
      await (await granted(throttle.reserve('admin1', '10.0.0.1'))).settle(false);
      expect((await refused(throttle.reserve('admin1', '10.0.0.1'))).retryAfterSeconds).toBe(60);
    });

    it('locks an address for lockMs after 20 failures', async () => {
      const { throttle, clock } = setup();
      for (let i = 0; i < 20; i++) await fail(throttle, `nobody${i}`, '10.0.0.9');
      expect((await refused(throttle.reserve('admin1', '10.0.0.9'))).reason).toBe('address_locked');
      clock.now += 15 * MINUTE;
      expect((await throttle.reserve('admin1', '10.0.0.9')).refused).toBe(false);
    });

    it('forgets failures older than the window', async () => {
      const { throttle, clock } = setup();
      await fail(throttle, 'admin1', '10.0.0.1', 4);
      clock.now += 15 * MINUTE;
      // Four more would lock if the first four still counted.
      await fail(throttle, 'admin1', '10.0.0.1', 4);
      expect((await granted(throttle.reserve('admin1', '10.0.0.1'))).delayMs).toBe(1000);
    });
  });

  describe('delays', () => {
    it('grows the delay of a name guessed from many addresses, caps it, and never locks the name', async () => {
      const { throttle } = setup();
      const delays: number[] = [];
      for (let i = 0; i < 40; i++) {
        const d = await granted(throttle.reserve('admin1', `192.0.2.${i}`));
        delays.push(d.delayMs);
        await d.settle(false);
      }
      expect(delays.slice(0, 6)).toEqual([0, 0, 0, 500, 1000, 1500]);
      expect(delays.every((d, i) => i === 0 || d >= delays[i - 1]!)).toBe(true);
      expect(Math.max(...delays)).toBe(10_000);
      expect(delays.at(-1)).toBe(10_000);
      // The real operator, from an address with no failures, is slowed but let in.
      expect((await granted(throttle.reserve('admin1', '198.51.100.1'))).delayMs).toBe(10_000);
    });

    it('counts parallel attempts in the delay too', async () => {
      const { throttle } = setup();
      const delays = (await atOnce(30, (i) => granted(throttle.reserve('admin1', `192.0.2.${i}`)))).map((d) => d.delayMs).sort((a, b) => a - b);
      // Whatever order they were counted in, each one counted those before it.
      expect(delays.slice(0, 5)).toEqual([0, 0, 0, 500, 1000]);
      expect(delays.at(-1)).toBe(10_000);
    });

    it("slows an address's attempts at other names, and takes the larger delay", async () => {
      const { throttle } = setup({ maxDelayMs: 2000 });
      for (let i = 0; i < 10; i++) await fail(throttle, `nobody${i}`, '10.0.0.1');
      expect((await granted(throttle.reserve('admin1', '10.0.0.1'))).delayMs).toBe(2000);
      expect((await granted(throttle.reserve('admin1', '10.0.0.2'))).delayMs).toBe(0);
    });
  });

  describe('the tables', () => {
    const rows = async () => ({
      attempts: Number((await database.db.selectFrom('sign_in_attempts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      locks: Number((await database.db.selectFrom('sign_in_locks').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    });

    it('stay bounded: attempts and locks older than the window go as new attempts come', async () => {
      const { throttle, clock } = setup();
      // A flood of distinct names and addresses, and a locked pair among them.
      await fail(throttle, 'admin1', '10.0.0.1', 5);
      for (let i = 0; i < 200; i++) await fail(throttle, `name${i}`, `10.1.${i >> 8}.${i & 255}`);
      expect(await rows()).toEqual({ attempts: 205, locks: 1 });
      // The flood does not push the lock out.
      expect((await refused(throttle.reserve('admin1', '10.0.0.1'))).reason).toBe('pair_locked');

      clock.now += 15 * MINUTE;
      await fail(throttle, 'fresh', '10.2.0.1');
      expect(await rows()).toEqual({ attempts: 1, locks: 0 });
    });

    it('keep a lock as long as it counts from its failures, however short the lock', async () => {
      const { throttle, clock } = setup({ lockMs: MINUTE, slowAfter: 100 });
      await fail(throttle, 'admin1', '10.0.0.1', 5);
      clock.now += 10 * MINUTE;
      // The lock is over, but its five failures are in the window: paid, so four more do not lock.
      await fail(throttle, 'fresh', '10.2.0.1');
      await fail(throttle, 'admin1', '10.0.0.1', 4);
      expect((await granted(throttle.reserve('admin1', '10.0.0.1'))).delayMs).toBe(0);
    });
  });
});

describe('sign-in throttle: two servers on one PostgreSQL database', () => {
  let replicas: ConsoleDatabase[] = [];
  afterEach(async () => {
    for (const r of replicas) await r.close();
    replicas = [];
  });

  async function twoServers() {
    const url = await newPostgresDatabase();
    replicas = [await openConsoleDatabase({ url }), await openConsoleDatabase({ url })];
    const clock = { now: 1_000_000 };
    const [a, b] = replicas.map((r) => createSignInThrottle(r, { now: () => clock.now })) as [SignInThrottle, SignInThrottle];
    return { a, b, clock };
  }

  it('grant at most 5 of 40 parallel wrong passwords split between them, and both refuse the next', async () => {
    const { a, b } = await twoServers();
    const all = await atOnce(40, (i) => (i % 2 ? a : b).reserve('admin1', '203.0.113.5'));
    expect(grantedOnly(all)).toHaveLength(5);
    await settleAll(grantedOnly(all), false);
    for (const server of [a, b]) expect(await refused(server.reserve('admin1', '203.0.113.5'))).toMatchObject({ reason: 'pair_locked', retryAfterSeconds: 900 });
  });

  it('share locks, failures and a right password', async () => {
    const { a, b, clock } = await twoServers();
    // An address locked through one is refused by the other.
    for (let i = 0; i < 20; i++) await fail(a, `nobody${i}`, '10.0.0.9');
    expect(await refused(b.reserve('admin1', '10.0.0.9'))).toMatchObject({ reason: 'address_locked', retryAfterSeconds: 900 });
    // Failures of a name through both slow it on both; a right password through one clears it for both.
    await fail(a, 'admin1', '10.0.0.1', 2);
    await fail(b, 'admin1', '10.0.0.2', 2);
    const right = await granted(a.reserve('admin1', '10.0.0.3'));
    expect(right.delayMs).toBe(1000);
    await right.settle(true);
    expect((await granted(b.reserve('admin1', '10.0.0.4'))).delayMs).toBe(0);
    clock.now += 15 * MINUTE;
    expect((await granted(b.reserve('admin1', '10.0.0.9'))).delayMs).toBe(0);
  });
});

it('describes the policy in plain words', () => {
  expect(THROTTLE_POLICY).toMatch(/one name from one address/);
  expect(THROTTLE_POLICY.split('. ').length).toBeLessThanOrEqual(4);
});
