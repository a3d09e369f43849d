// Refused calls are audited, but nobody must be able to flood the log by repeating them: at most
// `perMinute` refusal rows a minute per address and operator (so one operator's noise, or an
// anonymous flood, does not use up another operator's budget behind the same address). What is
// over the budget is still written to the server's log, each refusal in full.

export interface RefusalGate {
  /** May a refusal from this address (and operator, when signed in) be written now? */
  admit: (address: string, operator: string | null) => boolean;
}

export function createRefusalGate(o: { perMinute?: number; now: () => number }): RefusalGate {
  const perMinute = o.perMinute ?? 30;
  const windows = new Map<string, { start: number; written: number }>();
  return {
    admit(address, operator) {
      const key = `${address}\u0000${operator ?? ''}`;
      const t = o.now();
      let w = windows.get(key);
      if (!w || t - w.start >= 60_000) {
        w = { start: t, written: 0 };
        windows.delete(key);
        windows.set(key, w);
        // Bounded: a flood of addresses forgets the oldest windows first (Map keeps insertion order).
        for (const old of windows.keys()) {
          if (windows.size <= 10_000) break;
          windows.delete(old);
        }
      }
      if (w.written >= perMinute) return false;
      w.written += 1;
      return true;
    },
  };
}
