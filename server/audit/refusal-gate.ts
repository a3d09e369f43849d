// Refused calls are audited with their address, but an attacker must not be able to flood the log
// by repeating them: at most `perMinute` refusal rows per address per minute; the rest are only
// counted, and the count is logged when the minute turns.

export interface RefusalGate {
  /** May a refusal from this address be written now? */
  admit: (address: string) => boolean;
}

export function createRefusalGate(o: { perMinute?: number; now: () => number; onSuppressed?: (address: string, count: number) => void }): RefusalGate {
  const perMinute = o.perMinute ?? 30;
  const windows = new Map<string, { start: number; written: number; suppressed: number }>();
  return {
    admit(address) {
      const t = o.now();
      let w = windows.get(address);
      if (!w || t - w.start >= 60_000) {
        if (w?.suppressed) o.onSuppressed?.(address, w.suppressed);
        w = { start: t, written: 0, suppressed: 0 };
        windows.set(address, w);
        // Bounded: a flood of addresses forgets the oldest windows.
        if (windows.size > 10_000) for (const [key, old] of windows) if (t - old.start >= 60_000 || windows.size > 10_000) windows.delete(key);
      }
      if (w.written < perMinute) {
        w.written += 1;
        return true;
      }
      w.suppressed += 1;
      return false;
    },
  };
}
