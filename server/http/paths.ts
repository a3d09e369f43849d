import { ConsoleError } from './errors.js';

// Path safety: decode once, then judge. The console and the IM host must see the same path, so a
// path that a host could read differently (dot segments, backslashes, `//`, malformed escapes)
// is refused before routing, and no segment that reads as `token` is ever forwarded.

export const API_BASE = '/im';
export const CONSOLE_BASE = '/im-console';

/** Each decoding a lenient host might apply: `%252e` is `%2e` to a host that decodes twice. */
function decodings(segment: string): string[] {
  const out = [segment];
  let s = segment;
  for (let i = 0; i < 4; i++) {
    let d: string;
    try {
      d = decodeURIComponent(s);
    } catch {
      break;
    }
    if (d === s) break;
    out.push(d);
    s = d;
  }
  return out;
}

/** The path part of a request target, without query or fragment. */
export const pathOf = (rawUrl: string) => rawUrl.split(/[?#]/, 1)[0]!;

/**
 * Does this path hold a `.` or `..` segment (raw or percent-encoded, however mixed), a
 * backslash, or an empty segment (`//`)? A host would resolve those to a different path than the
 * one the console (and the role check) saw.
 */
export function hasUnsafePath(rawUrl: string): boolean {
  const path = pathOf(rawUrl);
  if (path.includes('//') || /\\|%5c/i.test(path)) return true;
  return path.split('/').some((segment) => decodings(segment).some((d) => d.split(/[/\\]/).some((piece) => piece === '.' || piece === '..')));
}

/** Is every percent sign of the path a valid UTF-8 escape? */
export function isWellEncoded(rawUrl: string): boolean {
  try {
    decodeURIComponent(pathOf(rawUrl));
    return true;
  } catch {
    return false;
  }
}

/** One segment, decoded once; only called on paths `isWellEncoded` accepted. */
export const decodeSegment = (segment: string) => decodeURIComponent(segment);

/**
 * Does any segment read as `token` to some host: any case, any depth of percent-encoding, with
 * `;parameters`, or hidden behind an encoded `/`? The token endpoint would hand the app's
 * credentials (or a user's) to the browser.
 */
export function reachesToken(apiPath: string): boolean {
  return pathOf(apiPath)
    .split('/')
    .some((segment) => decodings(segment).some((d) => d.split(/[/\\]/).some((piece) => piece.split(';', 1)[0]!.trim().toLowerCase() === 'token')));
}

/** Is this request for the console server (as sent, or once a server resolves its dot segments)? */
export function underConsole(path: string): boolean {
  const mine = (p: string) => p === API_BASE || p === CONSOLE_BASE || p.startsWith(`${API_BASE}/`) || p.startsWith(`${CONSOLE_BASE}/`);
  if (mine(path)) return true;
  try {
    return mine(new URL(path, 'http://x').pathname);
  } catch {
    return false;
  }
}

/** The guard every request passes before routing. */
export function checkRequestPath(rawUrl: string): void {
  if (!isWellEncoded(rawUrl)) throw new ConsoleError(400, 'invalid_path', 'The path holds a malformed percent-encoding.');
  const at = rawUrl.indexOf('?');
  if (at >= 0 && !isWellEncoded(rawUrl.slice(at + 1).replaceAll('?', ''))) throw new ConsoleError(400, 'invalid_path', 'The query holds a malformed percent-encoding.');
  if (hasUnsafePath(rawUrl)) throw new ConsoleError(400, 'invalid_path', 'Paths with `.` or `..` segments, backslashes or `//` are refused.');
}
