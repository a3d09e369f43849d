import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { Dialect } from './store/database.js';
import type { Tables } from './store/tables.js';

// Failed sign-ins, counted per name+address pair, per address and per name over a window. Kept in
// the console's database (tables `sign_in_attempts` and `sign_in_locks`), so every server on one
// database counts the same attempts: guesses spread over several replicas are throttled as if
// they all reached one.
//
// An attempt is reserved *before* its password is hashed and counts as a failure from that moment,
// so guesses sent in parallel are counted while they are checked, not after: 40 wrong passwords
// sent at once get at most `maxPerPair` of them checked. Reserving counts and records in one
// transaction, one at a time per address and per name (PostgreSQL: advisory locks on both, held
// until the transaction ends; SQLite: Kysely runs one transaction at a time on its single
// connection), so no two attempts are granted on the same count, whichever server they reach.
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
}

export type ThrottleDecision =
  | { refused: true; retryAfterSeconds: number; reason: 'pair_locked' | 'address_locked' }
  | {
      refused: false;
      /** Wait this long before checking the password. */
      delayMs: number;
      /** Call once the password is checked: true removes the attempt, false records it as a failure. Later calls do nothing. */
      settle: (ok: boolean) => Promise<void>;
    };

/** Expired rows one attempt deletes at the most, so a sign-in after a flood stays quick. */
const PRUNE_BATCH = 500;

/** The first keys of the PostgreSQL advisory locks that serialize one address's and one name's attempts (the second: its hash). */
const ADDRESS_LOCK_CLASS = 0x5349_4e41;
const NAME_LOCK_CLASS = 0x5349_4e4e;

interface Keys {
  /** As stored: the name trimmed and in lower case; both cut short. */
  name: string;
  address: string;
  /** The counters' rows in `sign_in_locks`. */
  pairKey: string;
  nameKey: string;
  addressKey: string;
}

/** A counter as read from the database, within the window. */
interface Counter {
  lockedUntil: number;
  /** Attempts in flight, and failures no lock has paid for yet: what counts towards the limit. */
  unpaid: number;
  /** The failures among them. */
  recorded: number;
}

export function createSignInThrottle(database: { db: Kysely<Tables>; dialect: Dialect }, options: ThrottleOptions = {}) {
  const { db, dialect } = database;
  const now = options.now ?? Date.now;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const lockMs = options.lockMs ?? 15 * 60_000;
  const maxPerPair = options.maxPerPair ?? 5;
  const maxPerAddress = options.maxPerAddress ?? 20;
  const slowAfter = options.slowAfter ?? 2;
  const delayStepMs = options.delayStepMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 10_000;

  const delayFor = (failures: number) => Math.max(0, Math.min((failures - slowAfter) * delayStepMs, maxDelayMs));

  /** Refused until this time, or 0. At the limit with attempts still in flight: they may yet bring a lock. */
  const refusedUntil = (c: Counter, max: number, t: number) => {
    if (c.lockedUntil > t) return c.lockedUntil;
    return c.unpaid >= max ? t + lockMs : 0;
  };

  // Names are compared as operators' names are (trimmed, lower case); both are cut short so a long
  // made-up name or address costs little room. JSON keeps a name+address pair unambiguous.
  const keys = (name: string, address: string): Keys => {
    const n = name.trim().toLowerCase().slice(0, 128);
    const a = address.slice(0, 128);
    return { name: n, address: a, pairKey: `p:${JSON.stringify([n, a])}`, nameKey: `n:${n}`, addressKey: `a:${a}` };
  };

  /**
   * One transaction at a time per address and per name, across every server on the database. The
   * address is always locked first, so two transactions never wait for each other's lock.
   */
  const serialized = <T>(k: Keys, work: (trx: Transaction<Tables>) => Promise<T>) =>
    db.transaction().execute(async (trx) => {
      if (dialect === 'postgres') {
        await sql`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK_CLASS}, hashtext(${k.address}))`.execute(trx);
        await sql`SELECT pg_advisory_xact_lock(${NAME_LOCK_CLASS}, hashtext(${k.name}))`.execute(trx);
      }
      return work(trx);
    });

  /**
   * The pair's, the address's and the name's counts at `t`. A counter's row in `sign_in_locks`
   * holds its lock and the first attempt id that still counts: a lock pays for the failures that
   * brought it (they still slow the address's answers), a right password clears the pair's and the
   * name's. Attempts in flight always count.
   */
  const counters = async (trx: Transaction<Tables>, k: Keys, t: number) => {
    const rows = await trx.selectFrom('sign_in_locks').select(['key', 'locked_until', 'count_from']).where('key', 'in', [k.pairKey, k.addressKey, k.nameKey]).execute();
    const row = (key: string) => rows.find((r) => r.key === key) ?? { locked_until: 0, count_from: 0 };
    const pair = row(k.pairKey);
    const address = row(k.addressKey);
    const counts = await trx
      .selectFrom('sign_in_attempts')
      .where('at', '>', t - windowMs)
      .where((eb) => eb.or([eb('address', '=', k.address), eb('name', '=', k.name)]))
      .select((eb) => {
        const ofPair = eb.and([eb('address', '=', k.address), eb('name', '=', k.name)]);
        const unpaid = (from: number) => eb.or([eb('pending', '=', 1), eb('id', '>=', from)]);
        const failed = (from: number) => eb.and([eb('pending', '=', 0), eb('id', '>=', from)]);
        return [
          eb.fn.countAll<number>().filterWhere(eb.and([ofPair, unpaid(pair.count_from)])).as('pair_unpaid'),
          eb.fn.countAll<number>().filterWhere(eb.and([ofPair, failed(pair.count_from)])).as('pair_recorded'),
          eb.fn.countAll<number>().filterWhere(eb.and([eb('address', '=', k.address), unpaid(address.count_from)])).as('address_unpaid'),
          eb.fn.countAll<number>().filterWhere(eb.and([eb('address', '=', k.address), failed(address.count_from)])).as('address_recorded'),
          eb.fn.countAll<number>().filterWhere('address', '=', k.address).as('address_all'),
          eb.fn.countAll<number>().filterWhere(eb.and([eb('name', '=', k.name), unpaid(row(k.nameKey).count_from)])).as('name_all'),
        ];
      })
      .executeTakeFirstOrThrow();
    return {
      pair: { lockedUntil: pair.locked_until, unpaid: Number(counts.pair_unpaid), recorded: Number(counts.pair_recorded) },
      address: { lockedUntil: address.locked_until, unpaid: Number(counts.address_unpaid), recorded: Number(counts.address_recorded) },
      /** Every attempt from the address in the window, paid or not, and the name's since it was last cleared. */
      addressAll: Number(counts.address_all),
      nameAll: Number(counts.name_all),
    };
  };

  const setCounter = (trx: Transaction<Tables>, key: string, lockedUntil: number, countFrom: number, since: number) =>
    trx
      .insertInto('sign_in_locks')
      .values({ key, locked_until: lockedUntil, count_from: countFrom, since })
      .onConflict((oc) => oc.column('key').doUpdateSet({ locked_until: lockedUntil, count_from: countFrom, since }))
      .execute();

  /** At most a batch of the rows a query finds; on PostgreSQL none another transaction holds. */
  const batch = <TB extends keyof Tables, O>(q: SelectQueryBuilder<Tables, TB, O>) =>
    q.limit(PRUNE_BATCH).$if(dialect === 'postgres', (locked) => locked.forUpdate().skipLocked());

  /**
   * Attempts older than the window (settled or not) and counter rows that no longer change a count
   * go as new attempts come, a batch at a time. Last in its transaction and past rows another
   * transaction holds, so it never waits while holding rows of its own.
   */
  const prune = async (trx: Transaction<Tables>, t: number) => {
    const cutoff = t - windowMs;
    await trx
      .deleteFrom('sign_in_attempts')
      .where('id', 'in', (eb) => batch(eb.selectFrom('sign_in_attempts').select('id').where('at', '<=', cutoff)))
      .execute();
    // A row set a window ago paid for or cleared only attempts older than the window.
    await trx
      .deleteFrom('sign_in_locks')
      .where('key', 'in', (eb) => batch(eb.selectFrom('sign_in_locks').select('key').where('since', '<=', cutoff).where('locked_until', '<=', t)))
      .execute();
  };

  const settle = (k: Keys, id: number, ok: boolean) =>
    serialized(k, async (trx) => {
      const at = now();
      await trx.deleteFrom('sign_in_attempts').where('id', '=', id).execute();
      if (!ok) {
        // A failure is a new row: its id says it came after every attempt recorded so far, so a
        // lock pays exactly for the failures up to it. (Reserved a window ago and pruned since, it
        // comes back as this failure.)
        const failure = await trx.insertInto('sign_in_attempts').values({ name: k.name, address: k.address, at, pending: 0 }).returning('id').executeTakeFirstOrThrow();
        const c = await counters(trx, k, at);
        // The failure that reaches the limit locks for `lockMs` from now; the failures it took are
        // paid for, so once the lock ends the next ones start a new count. The name is never locked.
        if (c.pair.recorded >= maxPerPair) await setCounter(trx, k.pairKey, at + lockMs, failure.id + 1, at);
        if (c.address.recorded >= maxPerAddress) await setCounter(trx, k.addressKey, at + lockMs, failure.id + 1, at);
        return;
      }
      // Right password: the pair's and the name's failures go, with the pair's lock; other attempts
      // still in flight stay counted until they settle. The address only loses this attempt and
      // keeps its other failures (many names behind one NAT) and any lock.
      const { last } = await trx
        .selectFrom('sign_in_attempts')
        .select((eb) => eb.fn.max('id').as('last'))
        .executeTakeFirstOrThrow();
      const from = (last ?? 0) + 1;
      await setCounter(trx, k.pairKey, 0, from, at);
      await setCounter(trx, k.nameKey, 0, from, at);
    });

  return {
    /**
     * Before checking a password: refused, or granted with a wait. A granted attempt counts as a
     * failure at once; call its `settle` once the password is checked, whatever the outcome (a
     * `finally` is best: an attempt never settled stays counted for a whole window).
     */
    reserve(name: string, address: string): Promise<ThrottleDecision> {
      const k = keys(name, address);
      return serialized(k, async (trx): Promise<ThrottleDecision> => {
        const t = now();
        const c = await counters(trx, k, t);
        // The limits count attempts in flight, so the attempt that would pass a limit is refused
        // before its password is checked, however many arrive at once. No limit on the name alone:
        // that would be a lever to lock its operator out from everywhere.
        const pairUntil = refusedUntil(c.pair, maxPerPair, t);
        // A shared address (a NAT, an office proxy) can be locked by one of its users for all of
        // them: acceptable, since it reaches no one behind any other address.
        const addressUntil = refusedUntil(c.address, maxPerAddress, t);
        if (pairUntil > 0 || addressUntil > 0) {
          // Refused until both end; named after the one that ends last.
          const reason = addressUntil >= pairUntil ? 'address_locked' : 'pair_locked';
          return { refused: true, reason, retryAfterSeconds: Math.max(1, Math.ceil((Math.max(pairUntil, addressUntil) - t) / 1000)) };
        }
        // Slower with each failure of the name (from anywhere) or of the address (for any name).
        const delayMs = Math.max(delayFor(c.nameAll), delayFor(c.addressAll));
        const { id } = await trx.insertInto('sign_in_attempts').values({ name: k.name, address: k.address, at: t, pending: 1 }).returning('id').executeTakeFirstOrThrow();
        await prune(trx, t);
        let settled = false;
        return {
          refused: false,
          delayMs,
          settle: async (ok) => {
            if (settled) return;
            settled = true;
            await settle(k, id, ok);
          },
        };
      });
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
