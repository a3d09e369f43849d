import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import type { Kysely } from 'kysely';
import type { Tables } from './store/tables.js';

// A second factor for local operators: TOTP (RFC 6238, 30-second steps, 6 digits, the authenticator
// apps' defaults) and ten one-time recovery codes. The TOTP secret must be readable to check a code,
// so it is kept as is; recovery codes are random enough that a SHA-256 of each suffices.

export const RECOVERY_CODE_COUNT = 10;
/** One step either side: a phone clock a little off still signs in. */
const TOLERANCE_SECONDS = 30;
const ISSUER = 'IM Admin Console';

export interface Enrolment {
  secret: string;
  /** `otpauth://totp/…`, what the QR code carries. */
  uri: string;
}

export type SecondFactorCheck = 'totp' | 'recovery' | false;

const digest = (code: string) => createHash('sha256').update(normalizeRecovery(code)).digest('hex');
/** Recovery codes are shown as `abcde-12345`; dashes, spaces and case are the reader's. */
const normalizeRecovery = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();
const isTotpShape = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ''));

function newRecoveryCode(): string {
  // About 50 bits from 31 characters without look-alikes (no 0/o, 1/l/i).
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** The time step a 6-digit code matches (after `afterTimeStep`, when given), or undefined. */
async function matchingStep(secret: string, code: string, epoch: number, afterTimeStep?: number | null): Promise<number | undefined> {
  const result = await verify({
    secret,
    token: code.replace(/\s/g, ''),
    epoch,
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterTimeStep == null ? {} : { afterTimeStep }),
  });
  // The union type also covers HOTP, whose result has no time step.
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}

export function createSecondFactor(db: Kysely<Tables>, now: () => number = Date.now) {
  const row = (operatorId: number) =>
    db.selectFrom('operators').select(['totp_secret', 'totp_pending_secret', 'totp_last_step']).where('id', '=', operatorId).executeTakeFirst();
  const epoch = () => Math.floor(now() / 1000);

  return {
    /** Enrolled: a confirmed TOTP secret. */
    async enrolled(operatorId: number): Promise<boolean> {
      return !!(await row(operatorId))?.totp_secret;
    },

    /** Recovery codes not used yet. */
    async recoveryCodesLeft(operatorId: number): Promise<number> {
      const { n } = await db
        .selectFrom('recovery_codes')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('operator_id', '=', operatorId)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(n);
    },

    /** A new secret waiting for its first code; an earlier unconfirmed one is replaced. */
    async begin(operatorId: number, username: string): Promise<Enrolment> {
      const secret = generateSecret();
      await db.updateTable('operators').set({ totp_pending_secret: secret }).where('id', '=', operatorId).execute();
      return { secret, uri: generateURI({ issuer: ISSUER, label: username, secret }) };
    },

    /**
     * The first code from the app proves it holds the secret: the secret becomes the operator's,
     * and ten recovery codes are made (returned once, kept hashed). Undefined when the code is wrong.
     */
    async confirm(operatorId: number, code: string): Promise<string[] | undefined> {
      const pending = (await row(operatorId))?.totp_pending_secret;
      if (!pending || !isTotpShape(code)) return undefined;
      const step = await matchingStep(pending, code, epoch());
      if (step === undefined) return undefined;
      const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('operators').set({ totp_secret: pending, totp_pending_secret: null, totp_last_step: step }).where('id', '=', operatorId).execute();
        await trx.deleteFrom('recovery_codes').where('operator_id', '=', operatorId).execute();
        await trx
          .insertInto('recovery_codes')
          .values(codes.map((c) => ({ operator_id: operatorId, code_hash: digest(c), used_at: null })))
          .execute();
      });
      return codes;
    },

    /**
     * Checks a sign-in's second factor: a TOTP code not used before (a code seen once is refused
     * for the rest of its window), or an unused recovery code (spent by this use).
     */
    async check(operatorId: number, code: string): Promise<SecondFactorCheck> {
      const r = await row(operatorId);
      if (!r?.totp_secret) return false;
      if (isTotpShape(code)) {
        const step = await matchingStep(r.totp_secret, code, epoch(), r.totp_last_step);
        if (step === undefined) return false;
        // Conditional, so two sign-ins racing with the same code cannot both pass.
        const moved = await db
          .updateTable('operators')
          .set({ totp_last_step: step })
          .where('id', '=', operatorId)
          .where((e) => e.or([e('totp_last_step', 'is', null), e('totp_last_step', '<', step)]))
          .executeTakeFirst();
        return Number(moved.numUpdatedRows) === 1 ? 'totp' : false;
      }
      const wanted = Buffer.from(digest(code), 'hex');
      const unused = await db.selectFrom('recovery_codes').select(['id', 'code_hash']).where('operator_id', '=', operatorId).where('used_at', 'is', null).execute();
      const match = unused.find((u) => timingSafeEqual(Buffer.from(u.code_hash, 'hex'), wanted));
      if (!match) return false;
      const spent = await db.updateTable('recovery_codes').set({ used_at: now() }).where('id', '=', match.id).where('used_at', 'is', null).executeTakeFirst();
      return Number(spent.numUpdatedRows) === 1 ? 'recovery' : false;
    },

    /**
     * Removes the second factor and ends the operator's sessions (whoever holds the lost phone is
     * out); they enrol again at their next sign-in if their role requires it.
     */
    async reset(operatorId: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('operators').set({ totp_secret: null, totp_pending_secret: null, totp_last_step: null }).where('id', '=', operatorId).execute();
        await trx.deleteFrom('recovery_codes').where('operator_id', '=', operatorId).execute();
        await trx.deleteFrom('sessions').where('operator_id', '=', operatorId).execute();
      });
    },
  };
}

export type SecondFactor = ReturnType<typeof createSecondFactor>;
