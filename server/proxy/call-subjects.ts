// Who a proxied call touches, for the audit log: its target (a user or a group) and every name
// in the path or the body, so a search by name finds a user inside a batch.

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** The values of a pattern's `{params}` in this path, decoded. */
export function patternParams(pattern: string, apiPath: string): Record<string, string> {
  const parts = pattern.split('/');
  const segments = apiPath.split('?', 1)[0]!.replace(/^\/+|\/+$/g, '').split('/');
  const out: Record<string, string> = {};
  if (parts.length !== segments.length) return out;
  parts.forEach((p, i) => {
    if (p.startsWith('{')) out[p.slice(1, -1)] = decode(segments[i]!);
  });
  return out;
}

export const names = (v: unknown): string[] =>
  Array.isArray(v) ? v.flatMap((x) => (typeof x === 'string' ? [x] : x && typeof x === 'object' && typeof (x as { username?: unknown }).username === 'string' ? [(x as { username: string }).username] : [])) : [];

/** Target (user or group) and every name a call touches, from the path pattern and the body. */
export function callSubjects(params: Record<string, string>, body: unknown): { target: string | null; subjects: string[] } {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const fromPath = ['group', 'username', 'owner', 'friend', 'blocked'].flatMap((k) => (params[k] ? [params[k]!] : []));
  const pathUsers = params.usernames ? params.usernames.split(',') : [];
  const bodyUsers = [
    ...names(Array.isArray(body) ? body : []),
    ...names(b.usernames),
    ...names(b.targets),
    ...(typeof b.username === 'string' ? [b.username] : []),
    ...(typeof b.newowner === 'string' ? [b.newowner] : []),
  ];
  const subjects = [...fromPath, ...pathUsers, ...bodyUsers].filter(Boolean);
  const users = [...pathUsers, ...bodyUsers];
  let target: string | null = params.group ?? params.username ?? params.owner ?? null;
  if (!target && users.length > 0) target = users.length > 10 ? `${users.slice(0, 10).join(',')},…` : users.join(',');
  return { target, subjects };
}

/** An answer's body as JSON, or a marker when it is not JSON. */
export function parseJson(buf: Uint8Array | undefined): unknown {
  if (!buf || buf.length === 0) return undefined;
  try {
    return JSON.parse(Buffer.from(buf).toString('utf8'));
  } catch {
    return '[non-JSON]';
  }
}

