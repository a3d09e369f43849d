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

/** A documented failure: status, `error`, `error_description`, and the usual timing fields. */
export function expectError(res: ApiResponse, status: number, error: string, description: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error).toBe(error);
  expect(res.body.error_description).toBe(description);
  expect(res.body.timestamp).toBeTypeOf('number');
  expect(res.body.duration).toBeTypeOf('number');
}
