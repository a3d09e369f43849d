// Failed sign-ins, counted per name+address pair, per address and per name over a window. Kept in
// memory: a restart forgives, which is acceptable for a console with a handful of operators (argon2
// already makes each guess slow).
//
// An attempt is reserved *before* its password is hashed and counts as a failure from that moment,
// so guesses sent in parallel are counted while they are checked, not after: 40 wrong passwords
// sent at once get at most `maxPerPair` of them checked.
//
// Only a pair or an address is ever locked, never a name by itself: a lock on a name would let
// anyone lock the real operator out from everywhere by typing wrong passwords for it. Failures of a
// name from all addresses only slow its answers, which keeps guessing spread over many addresses slow.

/** The policy in plain words (quoted by the README); the numbers are the defaults. */
export const THROTTLE_POLICY =
  'Each sign-in attempt counts as a failure from the moment it is accepted until its password proves right, so guesses sent at once count too. ' +
  'Five failures of one name from one address within 15 minutes refuse that name from that address for 15 minutes, and twenty from one address, whatever the names, refuse that address; ' +
  "a name's failures from all addresses only slow its answers (up to 10 s each) and never lock it, so nobody can lock an operator out. " +
  "A successful sign-in clears its name's failures, not its address's.";

export interface ThrottleOptions {
  now?: () => number;
  /** Failures counted over this window. */
  windowMs?: number;
  /** How long a pair or an address stays refused once it reaches its limit. */
  lockMs?: number;
  /** Failures of one name from one address before that pair is refused. */
  maxPerPair?: number;
  /** Failures from one address, across names, before the address is refused. */
  maxPerAddress?: number;
  /** Failures (of a name, or of an address) before answers start to wait. */
  slowAfter?: number;
  /** The wait grows by this much per failure past `slowAfter`, up to `maxDelayMs`. */
  delayStepMs?: number;
  maxDelayMs?: number;
  /** Most counters kept in memory (each name, address and pair seen has one). */
  maxKeys?: number;
}

export type ThrottleDecision =
  | { refused: true; retryAfterSeconds: number; reason: 'pair_locked' | 'address_locked' }
  | {
      refused: false;
      /** Wait this long before checking the password. */
      delayMs: number;
      /** Call once the password is checked: true removes the attempt, false records it as a failure. Later calls do nothing. */
      settle: (ok: boolean) => void;
    };

interface Attempt {
  /** When it was reserved, then (once settled as wrong) when it failed. */
  at: number;
  pending: boolean;
  /** Order of recording (reservation, then failure): which failures a lock has already paid for. */
  seq: number;
}

interface Counter {
  /** Recorded failures and attempts in flight, both within the window. */
  attempts: Attempt[];
  lockedUntil: number;
  /** Failures before this `seq` brought a lock already and no longer count towards the limit. */
  countFrom: number;
}

export function createSignInThrottle(options: ThrottleOptions = {}) {
  const now = options.now ?? Date.now;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const lockMs = options.lockMs ?? 15 * 60_000;
  const maxPerPair = options.maxPerPair ?? 5;
  const maxPerAddress = options.maxPerAddress ?? 20;
  const slowAfter = options.slowAfter ?? 2;
  const delayStepMs = options.delayStepMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  const maxKeys = options.maxKeys ?? 10_000;
  // Past this many attempts in a counter no decision changes (every limit is reached and the delay
  // is at its cap), so a counter keeps only its newest ones: a name guessed from a million addresses
  // costs no more memory than one guessed from thirty.
  const maxAttempts = Math.max(maxPerPair, maxPerAddress, slowAfter + Math.ceil(maxDelayMs / Math.max(1, delayStepMs))) + 1;
  let seq = 0;

  // Map order is least recently used first: `touch` moves a counter to the end.
  const counters = new Map<string, Counter>();

  const live = (c: Counter, t: number) => {
    // An attempt in flight for a whole window was never settled (its caller failed): forget it too.
    c.attempts = c.attempts.filter((a) => t - a.at < windowMs);
    return c.attempts.length > 0 || c.lockedUntil > t;
  };
  const get = (key: string, t: number): Counter | undefined => {
    const c = counters.get(key);
    if (c && !live(c, t)) {
      counters.delete(key);
      return undefined;
    }
    return c;
  };
  const touch = (key: string, t: number): Counter => {
    const c = get(key, t) ?? { attempts: [], lockedUntil: 0, countFrom: 0 };
    counters.delete(key);
    counters.set(key, c);
    return c;
  };
  const add = (c: Counter, a: Attempt) => {
    if (c.attempts.includes(a)) return;
    c.attempts.push(a);
    if (c.attempts.length > maxAttempts) {
      c.attempts.sort((x, y) => x.at - y.at);
      c.attempts.splice(0, c.attempts.length - maxAttempts);
    }
  };
  /** What counts towards a limit: attempts in flight, and failures no lock has paid for yet. */
  const unpaid = (c: Counter | undefined) => c?.attempts.filter((a) => a.pending || a.seq >= c.countFrom).length ?? 0;
  const recordedUnpaid = (c: Counter) => c.attempts.filter((a) => !a.pending && a.seq >= c.countFrom).length;
  const delayFor = (failures: number) => Math.max(0, Math.min((failures - slowAfter) * delayStepMs, maxDelayMs));

  /** Refused until this time, or 0. At the limit with attempts still in flight: they may yet bring a lock. */
  const refusedUntil = (c: Counter | undefined, max: number, t: number) => {
    if (!c) return 0;
    if (c.lockedUntil > t) return c.lockedUntil;
    return unpaid(c) >= max ? t + lockMs : 0;
  };

  /**
   * A flood of distinct names or addresses must not grow the map without end. Over `maxKeys`, drop
   * the expired counters; if that is not enough, drop the least recently used ones that hold no lock
   * and no attempt in flight, and only then any (oldest first). Down to 90 % so the sweep is rare.
   */
  const sweep = (t: number) => {
    if (counters.size <= maxKeys) return;
    const target = Math.floor(maxKeys * 0.9);
    for (const [key, c] of counters) if (!live(c, t)) counters.delete(key);
    for (const [key, c] of counters) {
      if (counters.size <= target) return;
      if (c.lockedUntil <= t && !c.attempts.some((a) => a.pending)) counters.delete(key);
    }
    for (const key of counters.keys()) {
      if (counters.size <= target) return;
      counters.delete(key);
    }
  };

  // Names are compared as operators' names are (trimmed, lower case); both are cut short so a long
  // made-up name or address costs little memory. JSON keeps a name+address pair unambiguous.
  const keys = (name: string, address: string) => {
    const n = name.trim().toLowerCase().slice(0, 128);
    const a = address.slice(0, 128);
    return { pair: `p:${JSON.stringify([n, a])}`, name: `n:${n}`, address: `a:${a}` };
  };

  return {
    /**
     * Before checking a password: refused, or granted with a wait. A granted attempt counts as a
     * failure at once; call its `settle` once the password is checked, whatever the outcome (a
     * `finally` is best: an attempt never settled stays counted for a whole window).
     */
    reserve(name: string, address: string): ThrottleDecision {
      const t = now();
      const k = keys(name, address);
      // The limits count attempts in flight, so the attempt that would pass a limit is refused
      // before its password is checked, however many arrive at once. No limit on the name alone:
      // that would be a lever to lock its operator out from everywhere.
      const pairUntil = refusedUntil(get(k.pair, t), maxPerPair, t);
      // A shared address (a NAT, an office proxy) can be locked by one of its users for all of
      // them: acceptable, since it reaches no one behind any other address.
      const addressUntil = refusedUntil(get(k.address, t), maxPerAddress, t);
      if (pairUntil > 0 || addressUntil > 0) {
        // Refused until both end; named after the one that ends last.
        const reason = addressUntil >= pairUntil ? 'address_locked' : 'pair_locked';
        return { refused: true, reason, retryAfterSeconds: Math.max(1, Math.ceil((Math.max(pairUntil, addressUntil) - t) / 1000)) };
      }

      const pair = touch(k.pair, t);
      const byName = touch(k.name, t);
      const byAddress = touch(k.address, t);
      // Slower with each failure of the name (from anywhere) or of the address (for any name).
      const delayMs = Math.max(delayFor(byName.attempts.length), delayFor(byAddress.attempts.length));
      const attempt: Attempt = { at: t, pending: true, seq: seq++ };
      for (const c of [pair, byName, byAddress]) add(c, attempt);
      sweep(t);

      let settled = false;
      const settle = (ok: boolean) => {
        if (settled) return;
        settled = true;
        const at = now();
        if (!ok) {
          Object.assign(attempt, { pending: false, at, seq: seq++ });
          // Counters swept away in the meantime come back with this failure.
          for (const [key, max] of [
            [k.pair, maxPerPair],
            [k.name, Infinity],
            [k.address, maxPerAddress],
          ] as const) {
            const c = touch(key, at);
            add(c, attempt);
            // The failure that reaches the limit locks for `lockMs` from now; the failures it
            // took are paid for, so once the lock ends the next ones start a new count.
            if (recordedUnpaid(c) >= max) {
              c.lockedUntil = at + lockMs;
              c.countFrom = seq;
            }
          }
          sweep(at);
          return;
        }
        // Right password: the pair's and the name's failures go, with the pair's lock; other
        // attempts still in flight stay counted until they settle. The address only loses this
        // attempt and keeps its other failures (many names behind one NAT) and any lock.
        for (const key of [k.pair, k.name]) {
          const c = counters.get(key);
          if (!c) continue;
          c.attempts = c.attempts.filter((a) => a.pending && a !== attempt);
          if (key === k.pair) c.lockedUntil = 0;
          if (!live(c, at)) counters.delete(key);
        }
        const c = counters.get(k.address);
        if (c) {
          c.attempts = c.attempts.filter((a) => a !== attempt);
          if (!live(c, at)) counters.delete(k.address);
        }
      };
      return { refused: false, delayMs, settle };
    },

    /** Counters held now (tests: the map stays bounded). */
    get size() {
      return counters.size;
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
