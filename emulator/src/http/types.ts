import type { Db } from '../db/schema.js';

export interface EmulatorOptions {
  org: string;
  app: string;
  appId: string;
  clientId: string;
  clientSecret: string;
  /** Friends per user (100 on the free tier, 3000 on paid ones). */
  friendCap: number;
  /** Entries in one user's blacklist. */
  blockCap: number;
  /** Groups one user may join. */
  joinedGroupCap: number;
  /** Calls per second per app; 0 = unlimited. */
  rate: number;
  /** Added delay per call, in ms. */
  latency: number;
  /** Default lifetime of a token, in seconds. */
  defaultTokenTtl: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
}

export interface EmulatorContext {
  db: Db;
  options: EmulatorOptions;
  /** Stable UUID of the single app, as `application` in responses. */
  appUuid: string;
  now: () => number;
}

export type Scheme = 'easemob' | 'agora';

export type Env = {
  Variables: {
    emu: EmulatorContext;
    started: number;
    scheme: Scheme;
    /** The path prefix the call came in under, e.g. `/demo/console` or `/app-id/demoappid`. */
    prefix: string;
    /** True when POST /users came without credentials. */
    openRegistration: boolean;
  };
};
