// Direct calls to an emulator (setting up data, checking results), with an app token.

export async function emulatorClient(port, prefix = '/demo/console') {
  const base = `http://127.0.0.1:${port}${prefix}`;
  const tokenRes = await fetch(`${base}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'demo-client-id', client_secret: 'demo-client-secret', ttl: 0 }),
  });
  if (!tokenRes.ok) throw new Error(`token: ${tokenRes.status} ${await tokenRes.text()}`);
  const token = (await tokenRes.json()).access_token;
  /** Retries a 429 after its Retry-After (the rate-limited emulator), at most 50 times. */
  const call = async (method, path, body) => {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status === 429 && attempt < 50) {
        await new Promise((r) => setTimeout(r, Math.max(50, Number(res.headers.get('retry-after') ?? 0) * 1000)));
        continue;
      }
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return JSON.parse(text);
    }
  };
  return { base, token, call };
}

/** The first `n` usernames in creation order (pages of 100), skipping `except`. */
export async function firstUsernames(api, n, except = []) {
  const skip = new Set(except);
  const names = [];
  let cursor;
  do {
    const body = await api.call('GET', `/users?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    for (const e of body.entities) if (!skip.has(e.username) && names.length < n) names.push(e.username);
    cursor = body.cursor;
  } while (cursor && names.length < n);
  return names;
}

/** Registers a new user with a unique name; returns the name. */
export async function newUser(api, prefix) {
  const username = `${prefix}-${Date.now().toString(36)}`;
  await api.call('POST', '/users', [{ username, password: 'bench-password' }]);
  return username;
}

/** Makes `friends` friends of `owner`, 10 names per call (the documented maximum), 4 calls at a time. */
export async function importFriendsDirect(api, owner, friends) {
  const chunks = [];
  for (let i = 0; i < friends.length; i += 10) chunks.push(friends.slice(i, i + 10));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++];
      await api.call('POST', `/users/${owner}/contacts/import?isSendNotice=false`, { usernames: chunk });
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}
