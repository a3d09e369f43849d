import { describe, expect, it } from 'vitest';
import { createSignInThrottle, THROTTLE_POLICY, type ThrottleDecision, type ThrottleOptions } from './sign-in-throttle.js';

const MINUTE = 60_000;

function setup(options: ThrottleOptions = {}) {
  const clock = { now: 1_000_000 };
  const throttle = createSignInThrottle({ now: () => clock.now, ...options });
  return { clock, throttle };
}

type Granted = Extract<ThrottleDecision, { refused: false }>;
type Refused = Extract<ThrottleDecision, { refused: true }>;

function granted(d: ThrottleDecision): Granted {
  if (d.refused) throw new Error(`refused: ${d.reason}`);
  return d;
}
function refused(d: ThrottleDecision): Refused {
  if (!d.refused) throw new Error('granted');
  return d;
}
const grantedOnly = (ds: ThrottleDecision[]) => ds.filter((d): d is Granted => !d.refused);

/** `n` failures of one name from one address, each settled at once. */
function fail(throttle: ReturnType<typeof setup>['throttle'], name: string, address: string, n = 1) {
  for (let i = 0; i < n; i++) granted(throttle.reserve(name, address)).settle(false);
}

describe('sign-in throttle: attempts in flight count', () => {
  it('grants at most 5 of 40 parallel attempts of one name from one address, and refuses the 41st', () => {
    const { throttle } = setup();
    const all = Array.from({ length: 40 }, () => throttle.reserve('admin1', '203.0.113.5'));
    expect(grantedOnly(all).length).toBeLessThanOrEqual(5);
    expect(grantedOnly(all)).toHaveLength(5);
    const last = refused(throttle.reserve('admin1', '203.0.113.5'));
    expect(last.reason).toBe('pair_locked');
    expect(last.retryAfterSeconds).toBe(900);
  });

  it('refuses the right password after 40 parallel wrong ones from the same address, before and after they settle', () => {
    const { throttle, clock } = setup();
    const wrong = Array.from({ length: 40 }, () => throttle.reserve('admin1', '203.0.113.5'));
    // The right password arrives while the wrong ones are still being hashed...
    expect(refused(throttle.reserve('admin1', '203.0.113.5')).reason).toBe('pair_locked');
    clock.now += 300;
    for (const d of grantedOnly(wrong)) d.settle(false);
    // ...and after they all failed.
    const after = refused(throttle.reserve('admin1', '203.0.113.5'));
    expect(after).toMatchObject({ reason: 'pair_locked', retryAfterSeconds: 900 });
  });

  it('still lets the name sign in from a fresh address, only slowed', () => {
    const { throttle } = setup();
    const wrong = grantedOnly(Array.from({ length: 40 }, () => throttle.reserve('admin1', '203.0.113.5')));
    for (const d of wrong) d.settle(false);
    const elsewhere = granted(throttle.reserve('Admin1 ', '198.51.100.7'));
    // Five failures of the name so far: three past `slowAfter`.
    expect(elsewhere.delayMs).toBe(1500);
    elsewhere.settle(true);
    // The success cleared the name's failures and the pair's, so the delay is gone...
    expect(granted(throttle.reserve('admin1', '198.51.100.7')).delayMs).toBe(0);
    // ...but the attacker's own pair stays locked.
    expect(refused(throttle.reserve('admin1', '203.0.113.5')).reason).toBe('pair_locked');
  });

  it('checks at most 20 of 300 distinct names from one address', () => {
    const { throttle } = setup();
    const all = Array.from({ length: 300 }, (_, i) => throttle.reserve(`nobody${i}`, '203.0.113.9'));
    expect(grantedOnly(all)).toHaveLength(20);
    expect(refused(all[20]!).reason).toBe('address_locked');
    for (const d of grantedOnly(all)) d.settle(false);
    // Locked for every name now, even a real one; other addresses are not affected.
    expect(refused(throttle.reserve('admin1', '203.0.113.9'))).toMatchObject({ reason: 'address_locked', retryAfterSeconds: 900 });
    expect(granted(throttle.reserve('admin1', '203.0.113.10')).delayMs).toBe(0);
  });

  it('grants at most 5 of 300 parallel attempts against one name from one address', () => {
    const { throttle } = setup();
    expect(grantedOnly(Array.from({ length: 300 }, () => throttle.reserve('admin1', '203.0.113.5')))).toHaveLength(5);
  });
});

describe('sign-in throttle: settling', () => {
  it('settle(true) frees its slot; settle is idempotent', () => {
    const { throttle } = setup();
    const five = Array.from({ length: 5 }, () => granted(throttle.reserve('admin1', '10.0.0.1')));
    expect(throttle.reserve('admin1', '10.0.0.1').refused).toBe(true);
    five[0]!.settle(true);
    // Its slot is free; the four others are still in flight and still count.
    const sixth = granted(throttle.reserve('admin1', '10.0.0.1'));
    expect(throttle.reserve('admin1', '10.0.0.1').refused).toBe(true);
    // A second settle changes nothing: not a second slot, not a failure.
    five[0]!.settle(true);
    five[0]!.settle(false);
    expect(throttle.reserve('admin1', '10.0.0.1').refused).toBe(true);
    sixth.settle(true);
    for (const d of five.slice(1)) d.settle(true);
    expect(granted(throttle.reserve('admin1', '10.0.0.1')).delayMs).toBe(0);
  });

  it('a right password clears the pair and the name but not the address', () => {
    const { throttle } = setup();
    fail(throttle, 'admin1', '10.0.0.1', 4);
    fail(throttle, 'other', '10.0.0.1', 4);
    // Eight failures from the address: the answer waits for them, not for the name's four.
    const ok = granted(throttle.reserve('admin1', '10.0.0.1'));
    expect(ok.delayMs).toBe(3000);
    ok.settle(true);
    // The address still has its eight failures (another user behind the NAT made them).
    expect(granted(throttle.reserve('admin1', '10.0.0.1')).delayMs).toBe(3000);
    // The name itself, from elsewhere, waits no longer.
    expect(granted(throttle.reserve('admin1', '10.0.0.2')).delayMs).toBe(0);
  });

  it('settle(false) records the failure at settle time', () => {
    const { throttle, clock } = setup({ windowMs: 10 * MINUTE, lockMs: 10 * MINUTE });
    const d = granted(throttle.reserve('admin1', '10.0.0.1'));
    clock.now += 9 * MINUTE;
    d.settle(false);
    fail(throttle, 'admin1', '10.0.0.1', 3);
    // Reserved 9 minutes ago, but it failed just now: still in the window.
    clock.now += 5 * MINUTE;
    granted(throttle.reserve('admin1', '10.0.0.1')).settle(false);
    expect(refused(throttle.reserve('admin1', '10.0.0.1')).reason).toBe('pair_locked');
  });

  it('forgets an attempt never settled after a window', () => {
    const { throttle, clock } = setup();
    for (let i = 0; i < 5; i++) granted(throttle.reserve('admin1', '10.0.0.1'));
    expect(throttle.reserve('admin1', '10.0.0.1').refused).toBe(true);
    clock.now += 15 * MINUTE;
    expect(granted(throttle.reserve('admin1', '10.0.0.1')).delayMs).toBe(0);
  });
});

describe('sign-in throttle: time', () => {
  it('locks a pair for lockMs after the fifth failure, and the name never', () => {
    const { throttle, clock } = setup();
    fail(throttle, 'admin1', '10.0.0.1', 5);
    expect(refused(throttle.reserve('admin1', '10.0.0.1'))).toMatchObject({ reason: 'pair_locked', retryAfterSeconds: 900 });
    clock.now += 10 * MINUTE;
    expect(refused(throttle.reserve('admin1', '10.0.0.1')).retryAfterSeconds).toBe(300);
    clock.now += 5 * MINUTE;
    expect(granted(throttle.reserve('admin1', '10.0.0.1')).delayMs).toBe(0);
  });

  it('ends a lock after lockMs even when it is shorter than the window; the next failures start a new count', () => {
    const { throttle, clock } = setup({ lockMs: MINUTE, windowMs: 15 * MINUTE, slowAfter: 100 });
    fail(throttle, 'admin1', '10.0.0.1', 5);
    expect(refused(throttle.reserve('admin1', '10.0.0.1')).retryAfterSeconds).toBe(60);
    clock.now += MINUTE;
    fail(throttle, 'admin1', '10.0.0.1', 4);
    granted(throttle.reserve('admin1', '10.0.0.1')).settle(false);
    expect(refused(throttle.reserve('admin1', '10.0.0.1')).retryAfterSeconds).toBe(60);
  });

  it('locks an address for lockMs after 20 failures', () => {
    const { throttle, clock } = setup();
    for (let i = 0; i < 20; i++) fail(throttle, `nobody${i}`, '10.0.0.9');
    expect(refused(throttle.reserve('admin1', '10.0.0.9')).reason).toBe('address_locked');
    clock.now += 15 * MINUTE;
    expect(throttle.reserve('admin1', '10.0.0.9').refused).toBe(false);
  });

  it('forgets failures older than the window', () => {
    const { throttle, clock } = setup();
    fail(throttle, 'admin1', '10.0.0.1', 4);
    clock.now += 15 * MINUTE;
    // Four more would lock if the first four still counted.
    fail(throttle, 'admin1', '10.0.0.1', 4);
    expect(granted(throttle.reserve('admin1', '10.0.0.1')).delayMs).toBe(1000);
  });
});

describe('sign-in throttle: delays', () => {
  it('grows the delay of a name guessed from many addresses, caps it, and never locks the name', () => {
    const { throttle } = setup();
    const delays: number[] = [];
    for (let i = 0; i < 40; i++) {
      const d = granted(throttle.reserve('admin1', `192.0.2.${i}`));
      delays.push(d.delayMs);
      d.settle(false);
    }
    expect(delays.slice(0, 6)).toEqual([0, 0, 0, 500, 1000, 1500]);
    expect(delays.every((d, i) => i === 0 || d >= delays[i - 1]!)).toBe(true);
    expect(Math.max(...delays)).toBe(10_000);
    expect(delays.at(-1)).toBe(10_000);
    // The real operator, from an address with no failures, is slowed but let in.
    expect(granted(throttle.reserve('admin1', '198.51.100.1')).delayMs).toBe(10_000);
  });

  it('counts parallel attempts in the delay too', () => {
    const { throttle } = setup();
    const delays = Array.from({ length: 30 }, (_, i) => granted(throttle.reserve('admin1', `192.0.2.${i}`)).delayMs);
    expect(delays.slice(0, 5)).toEqual([0, 0, 0, 500, 1000]);
    expect(delays.at(-1)).toBe(10_000);
  });

  it("slows an address's attempts at other names, and takes the larger delay", () => {
    const { throttle } = setup({ maxDelayMs: 2000 });
    for (let i = 0; i < 10; i++) fail(throttle, `nobody${i}`, '10.0.0.1');
    expect(granted(throttle.reserve('admin1', '10.0.0.1')).delayMs).toBe(2000);
    expect(granted(throttle.reserve('admin1', '10.0.0.2')).delayMs).toBe(0);
  });
});

describe('sign-in throttle: memory', () => {
  it('stays bounded under a flood of distinct names and addresses', () => {
    const { throttle, clock } = setup({ maxKeys: 1000 });
    for (let i = 0; i < 20_000; i++) {
      const d = throttle.reserve(`name${i}`, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
      if (!d.refused) d.settle(false);
      if (i % 1000 === 0) clock.now += 1000;
      expect(throttle.size).toBeLessThanOrEqual(1000);
    }
  });

  it('keeps a locked pair over fresh counters when it must evict', () => {
    const { throttle, clock } = setup({ maxKeys: 100 });
    fail(throttle, 'admin1', '10.0.0.1', 5);
    for (let i = 0; i < 500; i++) fail(throttle, `name${i}`, `10.1.${i >> 8}.${i & 255}`);
    expect(throttle.size).toBeLessThanOrEqual(100);
    expect(refused(throttle.reserve('admin1', '10.0.0.1')).reason).toBe('pair_locked');
    // Expired counters go first and are gone after the window.
    clock.now += 15 * MINUTE;
    throttle.reserve('fresh', '10.2.0.1');
    expect(throttle.size).toBeLessThanOrEqual(100);
  });

  it('keeps few attempts per counter however many addresses guess one name', () => {
    const { throttle } = setup();
    for (let i = 0; i < 5000; i++) fail(throttle, 'admin1', `10.${(i >> 8) & 255}.${i & 255}.1`);
    expect(granted(throttle.reserve('admin1', '198.51.100.1')).delayMs).toBe(10_000);
  });
});

it('describes the policy in plain words', () => {
  expect(THROTTLE_POLICY).toMatch(/one name from one address/);
  expect(THROTTLE_POLICY.split('. ').length).toBeLessThanOrEqual(4);
});
