import { useEffect, useState } from 'react';

/**
 * A part of a table whose code loads when first needed, without React.lazy: a Suspense boundary
 * that shows its fallback holds the content revealed with it back for ~300 ms (React's throttle),
 * even when the code comes a moment after the data. Here a state change shows the part at once,
 * and the caller renders what it likes until then.
 */
export function lazyPart<Part>(load: () => Promise<{ default: Part }>) {
  let loading: Promise<Part> | undefined;
  let loaded: Part | undefined;

  /** For a route that knows the part is coming: call it in the loader, so the code arrives with the data. */
  const preload = () =>
    (loading ??= load().then(
      (m) => (loaded = m.default),
      (error: unknown) => {
        loading = undefined; // so a retry loads it again
        throw error;
      },
    ));

  /** The part once its code is here (undefined before, or after a failure, with `error` and `retry`). */
  function usePart(needed: boolean) {
    const [state, setState] = useState<{ error?: unknown; attempt: number }>({ attempt: 0 });
    useEffect(() => {
      if (!needed || loaded) return;
      let live = true;
      preload().then(
        () => live && setState((s) => ({ attempt: s.attempt })),
        (error: unknown) => live && setState((s) => ({ error, attempt: s.attempt })),
      );
      return () => {
        live = false;
      };
    }, [needed, state.attempt]);
    return {
      Part: loaded,
      error: loaded ? undefined : state.error,
      retry: () => setState((s) => ({ attempt: s.attempt + 1 })),
    };
  }

  return { preload, usePart };
}
