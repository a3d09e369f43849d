import { createHash, randomBytes } from 'node:crypto';

// Sessions and single sign-on flows: the browser holds a random token, the database only its hash,
// so a copy of the database opens no session.

/** 256 random bits, cookie-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** What the database keeps of a token. */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');
