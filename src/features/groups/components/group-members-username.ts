import { parseUsernames } from '@/lib/bulk/parse-names';

/** One typed username, checked the way the bulk input checks pasted ones (lower-cased). */
export function checkUsername(text: string): { ok: true; name: string } | { ok: false } {
  const parsed = parseUsernames(text);
  const name = parsed.valid[0];
  // Exactly one valid name, nothing else typed.
  return name !== undefined && parsed.valid.length === 1 && parsed.invalid.length === 0 && parsed.duplicates.length === 0 ? { ok: true, name } : { ok: false };
}
