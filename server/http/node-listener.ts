import { getRequestListener, RequestError } from '@hono/node-server';

// A Hono app as a Node request listener. Requests that cannot even become a `Request` (a backslash
// in the path, a bad Host header) are answered with the console's error shape, not an empty 400.

export function nodeListener(fetch: (request: Request, env: object) => Response | Promise<Response>, headers: Record<string, string> = {}) {
  return getRequestListener(fetch, {
    errorHandler: (e) => {
      const backslash = e instanceof RequestError && /backslash/i.test(e.message);
      const body = backslash
        ? { error: 'invalid_path', error_description: 'Paths with `.` or `..` segments, backslashes or `//` are refused.' }
        : { error: 'invalid_request', error_description: 'The request could not be read.' };
      return new Response(JSON.stringify(body), {
        status: e instanceof RequestError ? 400 : 500,
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
      });
    },
  });
}
