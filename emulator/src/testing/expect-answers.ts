import { expect } from 'vitest';
import type { ApiResponse, TestEmulator } from './harness.js';

const GROUP_ENVELOPE = ['action', 'application', 'uri', 'entities', 'data', 'timestamp', 'duration', 'organization', 'applicationName'];

/** The documented envelope of a group call: exactly the keys the example shows (the common ones plus `extra`). */
export function expectGroupEnvelope(t: TestEmulator, res: ApiResponse, action: string, path: string, extra: string[] = []) {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(Object.keys(res.body).sort()).toEqual([...GROUP_ENVELOPE, ...extra].sort());
  expect(res.body.action).toBe(action);
  expect(res.body.application).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(res.body.uri).toBe(`${t.url}${t.prefix()}${path}`);
  expect(res.body.entities).toEqual([]);
  expect(res.body.organization).toBe('demo');
  expect(res.body.applicationName).toBe('console');
  expect(res.body.timestamp).toBeTypeOf('number');
  expect(res.body.duration).toBeTypeOf('number');
}

const ERROR_KEYS = ['error', 'timestamp', 'duration', 'exception', 'error_description'];

/** A documented failure: status, `error`, `error_description` (exact or matched), and the error envelope. */
export function expectError(res: ApiResponse, status: number, error: string, description?: string | RegExp, exception?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(Object.keys(res.body).sort()).toEqual([...ERROR_KEYS].sort());
  expect(res.body.error).toBe(error);
  expect(typeof res.body.error_description).toBe('string');
  if (typeof description === 'string') expect(res.body.error_description).toBe(description);
  else if (description) expect(res.body.error_description).toMatch(description);
  if (exception) expect(res.body.exception).toBe(exception);
  expect(res.body.timestamp).toBeTypeOf('number');
  expect(res.body.duration).toBeTypeOf('number');
}
