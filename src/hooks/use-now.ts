import { useEffect, useState } from 'react';

/** The clock for "time left" (a mute ending in 3 minutes), re-read every `everyMs` so it stays true on screen. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
