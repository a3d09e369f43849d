const formats = new Map<string, Intl.DateTimeFormat>();

/** A timestamp (ms) in the UI language, date and time. */
export function formatDateTime(ms: number, language: string): string {
  // Making a formatter costs far more than using one, and tables call this once per row.
  let format = formats.get(language);
  if (!format) formats.set(language, (format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' })));
  return format.format(new Date(ms));
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** "in 3 hours", "yesterday": one formatter per language, for the same reason. */
export function relativeTimeFormat(language: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(language);
  if (!format) relativeFormats.set(language, (format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' })));
  return format;
}

/**
 * The first formatter of a page load costs tens of milliseconds (the locale's data): make it while
 * the page waits for the network, not while a 1,000-row table is rendering.
 */
export function warmDateFormat(language: string) {
  const whenIdle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1));
  whenIdle(() => formatDateTime(0, language));
}
