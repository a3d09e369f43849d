/** Where the index reports what it does not throw; the server's pino logger fits. */
export interface IndexLog {
  error(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  /** Routine news (the periodic pick-up); pino's `debug`. */
  debug?(obj: object, msg: string): void;
}

/** Until the server passes its structured logger. */
export const consoleLog: IndexLog = {
  error: (obj, msg) => console.error(msg, obj),
  info: (obj, msg) => console.log(msg, obj),
};
