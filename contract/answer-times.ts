// How far an IM host is, from the answers it has given. Both sides keep one: the server for the
// host as it reaches it (told to the console with the app list), the console for the host through
// the server (every call it makes). This file imports nothing, so `server/` and `src/` can use it.

/** How many of an app's latest answers are kept. */
export const RECENT_ANSWERS = 20;

/**
 * The quickest of an app's latest answers, in ms: the host's distance. The quickest rather than an
 * average, because a 1,000-row page takes longer at any distance, and its own work is not distance.
 */
export function createAnswerTimes() {
  const recent = new Map<string, number[]>();
  return {
    note(app: string, ms: number) {
      const times = recent.get(app) ?? [];
      times.push(ms);
      if (times.length > RECENT_ANSWERS) times.shift();
      recent.set(app, times);
    },
    quickest(app: string): number | undefined {
      const times = recent.get(app);
      return times?.length ? Math.min(...times) : undefined;
    },
  };
}

export type AnswerTimes = ReturnType<typeof createAnswerTimes>;
