// What a change's audit row may hold of what was sent: secrets removed from the body and the query,
// without recursion (a body nested thousands of levels deep cannot overflow the stack), and only
// for bodies that can be read safely at all.

/** Keys whose values never reach the log, in any case: passwords, secrets, tokens, keys. */
export const SECRET_KEY = /passw(or)?d|pwd|secret|token|key|credential|authori[sz]ation|cookie/i;
export const REDACTED = '[redacted]';

/** Deeper than any body the IM API takes (member attributes are the deepest, at 3). */
export const MAX_BODY_DEPTH = 32;

/**
 * The value with every secret-looking key's value replaced, walked with an explicit stack. Values
 * below `maxDepth` are replaced by a marker rather than followed.
 */
export function redact(value: unknown, maxDepth = MAX_BODY_DEPTH): unknown {
  const copy = (v: unknown): unknown => (Array.isArray(v) ? new Array(v.length) : v && typeof v === 'object' ? {} : v);
  const root = clip(copy(value));
  const stack: { from: unknown; to: unknown; depth: number }[] = [{ from: value, to: root, depth: 1 }];
  while (stack.length > 0) {
    const { from, to, depth } = stack.pop()!;
    if (!from || typeof from !== 'object') continue;
    for (const [k, v] of Object.entries(from)) {
      let out: unknown;
      if (!Array.isArray(from) && SECRET_KEY.test(k)) out = REDACTED;
      else if (v && typeof v === 'object' && depth >= maxDepth) out = '[too deep]';
      else {
        out = copy(v);
        if (v && typeof v === 'object') stack.push({ from: v, to: out, depth: depth + 1 });
      }
      // defineProperty: a key named `__proto__` stays a key instead of setting the prototype.
      Object.defineProperty(to, k, { value: clip(out), enumerable: true, writable: true, configurable: true });
    }
  }
  return root;
}

/** Long strings are cut one by one, so padding cannot push a later field out of the summary. */
const VALUE_MAX = 200;
const clip = (v: unknown) => (typeof v === 'string' && v.length > VALUE_MAX ? `${v.slice(0, VALUE_MAX)}…` : v);

/** The nesting depth of a parsed JSON value, counted without recursion; stops past `limit`. */
export function depthOf(value: unknown, limit = MAX_BODY_DEPTH): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(v)) if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return deepest;
}

const decodeKey = (k: string) => {
  try {
    return decodeURIComponent(k.replaceAll('+', ' '));
  } catch {
    return k;
  }
};

/**
 * A query string with secret-looking parameters' values replaced (keys kept, so the call stays
 * readable, the rest as sent). `;` separates parameters too: some hosts read it so.
 */
export function redactQuery(query: string): string {
  if (!query) return '';
  return query
    .split(/([&;])/)
    .map((part) => {
      if (part === '&' || part === ';') return part;
      const at = part.indexOf('=');
      const key = at < 0 ? part : part.slice(0, at);
      return SECRET_KEY.test(decodeKey(key)) ? `${key}=${encodeURIComponent(REDACTED)}` : part;
    })
    .join('');
}

/** A path with its query's secrets removed: what the audit row's `path` shows. */
export function redactPath(pathWithQuery: string): string {
  const at = pathWithQuery.indexOf('?');
  if (at < 0) return pathWithQuery;
  const query = redactQuery(pathWithQuery.slice(at + 1));
  return query ? `${pathWithQuery.slice(0, at)}?${query}` : pathWithQuery.slice(0, at);
}

export type ReadBody = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * A change's body, read for the audit row before anything is forwarded: empty, or JSON no deeper
 * than MAX_BODY_DEPTH. Anything else cannot be summarised safely and is refused.
 */
export function readChangeBody(body: Uint8Array | undefined): ReadBody {
  if (!body || body.length === 0) return { ok: true, value: undefined };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return { ok: false, reason: 'The body is not JSON.' };
  }
  if (depthOf(value) > MAX_BODY_DEPTH) return { ok: false, reason: `The body is nested deeper than ${MAX_BODY_DEPTH} levels.` };
  return { ok: true, value };
}

/** With every string value already cut to VALUE_MAX, only a very wide body reaches this. */
const SUMMARY_MAX = 16_000;

/** A short text of what was sent: the redacted query and JSON body, cut at a few KB. */
export function summarize(query: string, body: unknown): string {
  const parts: string[] = [];
  const q = redactQuery(query);
  if (q) parts.push(`?${q}`);
  if (body !== undefined) parts.push(JSON.stringify(redact(body)));
  const text = parts.join(' ');
  return text.length > SUMMARY_MAX ? `${text.slice(0, SUMMARY_MAX)}…` : text;
}
