import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import type { ConsoleDb } from './console-db.js';

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

interface Row {
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
}

export function createSecondFactor(db: ConsoleDb, now: () => number = Date.now) {
  const row = db.prepare<[number], Row>('SELECT totp_secret, totp_pending_secret, totp_last_step FROM operators WHERE id = ?');
  const epoch = () => Math.floor(now() / 1000);

  return {
    /** Enrolled: a confirmed TOTP secret. */
    enrolled(operatorId: number): boolean {
      return !!row.get(operatorId)?.totp_secret;
    },

    /** Recovery codes not used yet. */
    recoveryCodesLeft(operatorId: number): number {
      return (db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM recovery_codes WHERE operator_id = ? AND used_at IS NULL').get(operatorId)?.n ?? 0);
    },

    /** A new secret waiting for its first code; an earlier unconfirmed one is replaced. */
    begin(operatorId: number, username: string): Enrolment {
      const secret = generateSecret();
      db.prepare('UPDATE operators SET totp_pending_secret = ? WHERE id = ?').run(secret, operatorId);
      return { secret, uri: generateURI({ issuer: ISSUER, label: username, secret }) };
    },

    /**
     * The first code from the app proves it holds the secret: the secret becomes the operator's,
     * and ten recovery codes are made (returned once, kept hashed). Undefined when the code is wrong.
     */
    async confirm(operatorId: number, code: string): Promise<string[] | undefined> {
      const pending = row.get(operatorId)?.totp_pending_secret;
      if (!pending || !isTotpShape(code)) return undefined;
      const step = await matchingStep(pending, code, epoch());
      if (step === undefined) return undefined;
      const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
      db.transaction(() => {
        db.prepare('UPDATE operators SET totp_secret = ?, totp_pending_secret = NULL, totp_last_step = ? WHERE id = ?').run(pending, step, operatorId);
        db.prepare('DELETE FROM recovery_codes WHERE operator_id = ?').run(operatorId);
        const add = db.prepare('INSERT INTO recovery_codes (operator_id, code_hash) VALUES (?, ?)');
        for (const c of codes) add.run(operatorId, digest(c));
      })();
      return codes;
    },

    /**
     * Checks a sign-in's second factor: a TOTP code not used before (a code seen once is refused
     * for the rest of its window), or an unused recovery code (spent by this use).
     */
    async check(operatorId: number, code: string): Promise<SecondFactorCheck> {
      const r = row.get(operatorId);
      if (!r?.totp_secret) return false;
      if (isTotpShape(code)) {
        const step = await matchingStep(r.totp_secret, code, epoch(), r.totp_last_step);
        if (step === undefined) return false;
        // Conditional, so two sign-ins racing with the same code cannot both pass.
        const moved = db
          .prepare('UPDATE operators SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)')
          .run(step, operatorId, step);
        return moved.changes === 1 ? 'totp' : false;
      }
      const wanted = Buffer.from(digest(code), 'hex');
      const unused = db.prepare<[number], { id: number; code_hash: string }>('SELECT id, code_hash FROM recovery_codes WHERE operator_id = ? AND used_at IS NULL').all(operatorId);
      const match = unused.find((u) => timingSafeEqual(Buffer.from(u.code_hash, 'hex'), wanted));
      if (!match) return false;
      const spent = db.prepare('UPDATE recovery_codes SET used_at = ? WHERE id = ? AND used_at IS NULL').run(now(), match.id);
      return spent.changes === 1 ? 'recovery' : false;
    },

    /**
     * Removes the second factor and ends the operator's sessions (whoever holds the lost phone is
     * out); they enrol again at their next sign-in if their role requires it.
     */
    reset(operatorId: number): void {
      db.transaction(() => {
        db.prepare('UPDATE operators SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = NULL WHERE id = ?').run(operatorId);
        db.prepare('DELETE FROM recovery_codes WHERE operator_id = ?').run(operatorId);
        db.prepare('DELETE FROM sessions WHERE operator_id = ?').run(operatorId);
      })();
    },
  };
}

export type SecondFactor = ReturnType<typeof createSecondFactor>;
