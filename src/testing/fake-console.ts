import type { RetryOptions } from 'ky';
import { createHttp } from '@/lib/api-client/http';

// The console server's own endpoints (`/im-console/…`: session, audit log, search index) for
// component tests. They are not the IM host's, so the emulator cannot answer them: the test gives
// the answers, and sees every request the console sent.

export type ConsoleHandler = (request: Request) => Response | Promise<Response>;

export interface FakeConsoleServer {
  /** The client the console's endpoint files use once installed (renderWithProviders' `consoleServer`). */
  http: ReturnType<typeof createHttp>;
  /** Every request, in order (clones: their bodies can still be read). */
  requests: Request[];
  /** Answers each request; a test may swap it at any time. */
  handle: ConsoleHandler;
}

export const jsonResponse = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** `retry`: none by default, so a failure shows at once; `{}` keeps the console's own retry rules. */
export function fakeConsoleServer(handle: ConsoleHandler = () => jsonResponse({ error: 'not_found' }, 404), retry: RetryOptions = { limit: 0 }): FakeConsoleServer {
  const server: FakeConsoleServer = {
    requests: [],
    handle,
    // Absolute: jsdom has no page origin for `/` to resolve against.
    http: createHttp({
      prefixUrl: 'http://console.test/',
      retry,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        server.requests.push(request.clone());
        return server.handle(request);
      },
    }),
  };
  return server;
}
