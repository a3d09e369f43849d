import type { Context, MiddlewareHandler } from 'hono';
import type { TLSSocket } from 'node:tls';
import type { ConsoleEnv } from './context.js';
import { ConsoleError } from './errors.js';

// What the console server reads from a request besides its route: the address it came from, whether
// it arrived over TLS, and the path exactly as the browser encoded it.

/** The request target as sent (`fetch` and Hono resolve `..` and `%2e` before routing). */
export function rawUrl(c: Context<ConsoleEnv>): string {
  const sent = c.env?.incoming?.url;
  if (sent) return sent;
  const url = new URL(c.req.url);
  return `${url.pathname}${url.search}`;
}

/** The client's address; behind a trusted proxy, the last X-Forwarded-For entry (the one it vouches for). */
export function clientAddress(c: Context<ConsoleEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean).at(-1);
    if (forwarded) return forwarded.slice(0, 64);
  }
  return c.env?.incoming?.socket.remoteAddress ?? 'unknown';
}

export function overTls(c: Context<ConsoleEnv>, trustProxy: boolean): boolean {
  if ((c.env?.incoming?.socket as TLSSocket | undefined)?.encrypted) return true;
  return trustProxy && (c.req.header('x-forwarded-proto') ?? '').split(',')[0]!.trim().toLowerCase() === 'https';
}

/** This server's origin as the browser sees it (the Host header, https behind a trusted TLS proxy). */
export function requestOrigin(c: Context<ConsoleEnv>, trustProxy: boolean): string {
  return `${overTls(c, trustProxy) ? 'https' : 'http'}://${c.req.header('host') ?? 'localhost'}`;
}

const tooLarge = (max: number) => new ConsoleError(413, 'request_too_large', `request body larger than ${max} bytes`);

/**
 * Reads the body up to `max` bytes into Hono's body cache. Over the limit it answers 413 as JSON
 * and stops reading without destroying the request, so the rest is drained and the answer
 * arrives (cancelling the body stream instead resets the connection).
 */
export function limitedBody(max: number): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const method = c.req.method.toUpperCase();
    if (method === 'GET' || method === 'HEAD') return next();
    const incoming = c.env?.incoming;
    let body: Uint8Array;
    if (!incoming) {
      body = new Uint8Array(await c.req.arrayBuffer());
      if (body.length > max) throw tooLarge(max);
    } else {
      if (Number(incoming.headers['content-length'] ?? 0) > max) throw tooLarge(max);
      body = await new Promise<Uint8Array>((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const stop = () => {
          incoming.off('data', onData);
          incoming.off('end', onEnd);
          incoming.off('error', onError);
        };
        const onData = (chunk: Buffer) => {
          size += chunk.length;
          if (size > max) {
            stop();
            // Still flowing, with no listener: the rest is read and dropped.
            incoming.resume();
            reject(tooLarge(max));
          } else chunks.push(chunk);
        };
        const onEnd = () => {
          stop();
          resolve(Buffer.concat(chunks));
        };
        const onError = (e: Error) => {
          stop();
          reject(e);
        };
        incoming.on('data', onData);
        incoming.on('end', onEnd);
        incoming.on('error', onError);
      });
    }
    const buffer = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
    // Hono keeps promises there (its type says otherwise); every body reader then starts from it.
    (c.req.bodyCache as Record<string, unknown>).arrayBuffer = Promise.resolve(buffer);
    await next();
  };
}
