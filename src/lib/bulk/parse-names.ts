export interface ParsedNames {
  /** Distinct, valid names in input order. */
  valid: string[];
  /** Names given more than once (each listed once). */
  duplicates: string[];
  invalid: { value: string; reason: 'too-long' | 'characters' }[];
}

export const USERNAME_MAX = 64;
const USERNAME_RE = /^[a-z0-9_.-]+$/;

/**
 * Reads pasted names: one per line or comma/space-separated. Usernames are case-insensitive,
 * so `Bob` and `bob` are one user and are compared lower-cased.
 */
export function parseUsernames(text: string): ParsedNames {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  const out: ParsedNames = { valid: [], duplicates: [], invalid: [] };
  for (const raw of text.split(/[\s,，;；]+/)) {
    const value = raw.trim();
    if (!value) continue;
    const name = value.toLowerCase();
    if (seen.has(name)) {
      dupes.add(name);
      continue;
    }
    seen.add(name);
    if (name.length > USERNAME_MAX) out.invalid.push({ value, reason: 'too-long' });
    else if (!USERNAME_RE.test(name)) out.invalid.push({ value, reason: 'characters' });
    else out.valid.push(name);
  }
  out.duplicates = [...dupes];
  return out;
}
