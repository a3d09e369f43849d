// A browser as far as single sign-on needs one: cookies per origin, redirects followed by hand
// (each step can be looked at or altered), and the test provider's development sign-in form.

export interface SsoBrowser {
  get: (url: string) => Promise<Response>;
  post: (url: string, form: Record<string, string>) => Promise<Response>;
  /** `name=value; …` this browser would send to the URL's origin. */
  cookieHeader: (url: string) => string;
}

export function ssoBrowser(): SsoBrowser {
  const jar = new Map<string, Map<string, string>>();
  const cookieHeader = (url: string) =>
    [...(jar.get(new URL(url).origin) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (url: string, res: Response) => {
    const origin = new URL(url).origin;
    const cookies = jar.get(origin) ?? new Map<string, string>();
    jar.set(origin, cookies);
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()));
      if (gone || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    return res;
  };
  return {
    cookieHeader,
    get: async (url) => keep(url, await fetch(url, { redirect: 'manual', headers: { Cookie: cookieHeader(url) } })),
    post: async (url, form) =>
      keep(
        url,
        await fetch(url, {
          method: 'POST',
          redirect: 'manual',
          headers: { Cookie: cookieHeader(url), 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(form).toString(),
        }),
      ),
  };
}

const location = (res: Response, base: string) => {
  const to = res.headers.get('location');
  if (!to) throw new Error(`expected a redirect from ${base}, got ${res.status}`);
  return new URL(to, base).href;
};

/**
 * From the console's `/im-console/sso/start` to the provider's answer, signing in there as
 * `login`: the callback URL the provider sends the browser to (not yet followed).
 */
export async function throughProvider(b: SsoBrowser, startUrl: string, login: string): Promise<string> {
  let url = location(await b.get(startUrl), startUrl);
  // The authorization endpoint, then its sign-in page (unless the provider remembers this browser).
  for (let i = 0; i < 6; i++) {
    const res = await b.get(url);
    if (res.status === 200) {
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action) throw new Error(`no sign-in form at ${url}: ${html.slice(0, 300)}`);
      url = location(await b.post(new URL(action.replaceAll('&amp;', '&'), url).href, { prompt: 'login', login, password: 'any' }), url);
      continue;
    }
    const next = location(res, url);
    if (new URL(next).pathname.endsWith('/im-console/sso/callback')) return next;
    url = next;
  }
  throw new Error('the provider never sent the browser back');
}
