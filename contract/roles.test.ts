import { describe, expect, it } from 'vitest';
import { CALL_RULES, canCall, canUseConsoleRoute, CONSOLE_RULES, decideCall, isMutatingCall, isRole, ROLES, type Role } from './roles';

/** [method, path, roles allowed] — what the issue asks, one call per line. */
const TABLE: [string, string, Role[]][] = [
  // Reads.
  ['GET', 'users?limit=10', ['viewer', 'support', 'moderator', 'admin']],
  ['GET', 'users/alice', ['viewer', 'support', 'moderator', 'admin']],
  ['GET', 'chatgroups/123/users?pagenum=1&pagesize=20', ['viewer', 'support', 'moderator', 'admin']],
  ['GET', 'user/alice/contacts?limit=10', ['viewer', 'support', 'moderator', 'admin']],
  ['HEAD', 'users/alice', ['viewer', 'support', 'moderator', 'admin']],
  ['POST', 'users/batch/status', ['viewer', 'support', 'moderator', 'admin']],
  ['POST', 'metadata/chatgroup/123/get', ['viewer', 'support', 'moderator', 'admin']],
  // support.
  ['GET', 'users/alice/disconnect', ['support', 'admin']],
  ['POST', 'users', ['support', 'admin']],
  ['PUT', 'users/alice', ['support', 'admin']],
  ['PUT', 'users/alice/password', ['support', 'admin']],
  ['POST', 'users/alice/deactivate', ['support', 'admin']],
  ['POST', 'users/alice/activate', ['support', 'admin']],
  ['POST', 'users/alice/contacts/users/bob', ['support', 'admin']],
  ['DELETE', 'users/alice/contacts/users/bob', ['support', 'admin']],
  ['PUT', 'user/alice/contacts/users/bob', ['support', 'admin']],
  ['PUT', 'users/alice/contacts/users/bob', ['support', 'admin']],
  ['POST', 'users/alice/contacts/import?isSendNotice=false', ['support', 'admin']],
  ['POST', 'users/alice/blocks/users', ['support', 'admin']],
  ['DELETE', 'users/alice/blocks/users/bob', ['support', 'admin']],
  // moderator.
  ['POST', 'chatgroups/123/users', ['moderator', 'admin']],
  ['POST', 'chatgroups/123/users/alice', ['moderator', 'admin']],
  ['DELETE', 'chatgroups/123/users/alice,bob', ['moderator', 'admin']],
  ['POST', 'chatgroups/123/admin', ['moderator', 'admin']],
  ['DELETE', 'chatgroups/123/admin/alice', ['moderator', 'admin']],
  ['POST', 'chatgroups/123/mute', ['moderator', 'admin']],
  ['DELETE', 'chatgroups/123/mute/alice', ['moderator', 'admin']],
  ['POST', 'chatgroups/123/ban', ['moderator', 'admin']],
  ['DELETE', 'chatgroups/123/ban', ['moderator', 'admin']],
  ['POST', 'chatgroups/123/blocks/users', ['moderator', 'admin']],
  ['POST', 'chatgroups/123/blocks/users/alice', ['moderator', 'admin']],
  ['DELETE', 'chatgroups/123/blocks/users/alice,bob', ['moderator', 'admin']],
  ['POST', 'chatgroups/123/white/users', ['moderator', 'admin']],
  ['POST', 'chatgroups/123/white/users/alice', ['moderator', 'admin']],
  ['DELETE', 'chatgroups/123/white/users/alice', ['moderator', 'admin']],
  ['PUT', 'metadata/chatgroup/123/user/alice', ['moderator', 'admin']],
  // admin only.
  ['DELETE', 'users/alice', ['admin']],
  ['DELETE', 'users?limit=10', ['admin']],
  ['PUT', 'chatgroups/123', ['admin']],
  ['DELETE', 'chatgroups/123', ['admin']],
  ['POST', 'chatgroups', ['admin']],
  ['POST', 'some/future/call', ['admin']],
  ['PATCH', 'users/alice', ['admin']],
];

describe('canCall', () => {
  it.each(TABLE)('%s %s', (method, path, allowed) => {
    for (const role of ROLES) expect.soft(canCall(role, method, path), `${role} ${method} ${path}`).toBe(allowed.includes(role));
  });

  it('ignores a leading slash, the query, a trailing slash and the method case', () => {
    expect(canCall('support', 'post', '/users/alice/deactivate/')).toBe(true);
    expect(canCall('viewer', 'post', '/users/alice/deactivate')).toBe(false);
    expect(canCall('support', 'DELETE', '/users/alice?x=1')).toBe(false);
  });

  it('reads a path the way a lenient host might and keeps the stricter answer', () => {
    // `%2F` decoded by the host would make this the force-offline call.
    expect(canCall('viewer', 'GET', 'users/alice%2Fdisconnect')).toBe(false);
    expect(canCall('support', 'GET', 'users/alice%2Fdisconnect')).toBe(true);
    // Encoded, upper-case or `;`-suffixed literals still name the same call.
    expect(canCall('viewer', 'GET', 'users/alice/%64isconnect')).toBe(false);
    expect(canCall('viewer', 'GET', 'users/alice/DISCONNECT')).toBe(false);
    expect(canCall('viewer', 'GET', 'users/alice/disconnect;x=1')).toBe(false);
    expect(canCall('moderator', 'POST', 'Chatgroups/1/MUTE')).toBe(true);
    // Either reading must allow it: as sent this is `POST users/{username}`, which no rule names.
    expect(canCall('support', 'POST', 'users/batch%2Fstatus')).toBe(false);
    expect(canCall('admin', 'POST', 'users/batch%2Fstatus')).toBe(true);
    // A percent-encoded name stays one segment for the parameter itself.
    expect(canCall('support', 'POST', 'users/a%25b/deactivate')).toBe(true);
  });

  it('names the pattern that decided', () => {
    expect(decideCall('viewer', 'DELETE', 'users/alice')).toEqual({ allowed: false, pattern: 'users/{username}', mutating: true });
    expect(decideCall('support', 'POST', 'some/future/call')).toEqual({ allowed: false, pattern: 'some/future/call', mutating: true });
    expect(decideCall('viewer', 'POST', 'chatgroups/9/mute')).toEqual({ allowed: false, pattern: 'chatgroups/{group}/mute', mutating: true });
  });
});

describe('isMutatingCall', () => {
  it('is false for reads, true for changes (force offline too)', () => {
    expect(isMutatingCall('GET', 'users/alice')).toBe(false);
    expect(isMutatingCall('POST', 'users/batch/status')).toBe(false);
    expect(isMutatingCall('GET', 'users/alice/disconnect')).toBe(true);
    expect(isMutatingCall('PUT', 'users/alice/password')).toBe(true);
    expect(isMutatingCall('DELETE', 'users?limit=5')).toBe(true);
  });
});

describe('roles', () => {
  it('lists four roles and recognises them', () => {
    expect(ROLES).toEqual(['viewer', 'support', 'moderator', 'admin']);
    expect(isRole('moderator')).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });

  it('lets admin make every listed call, and no two rules share a method and pattern', () => {
    for (const r of CALL_RULES) expect(r.roles).toContain('admin');
    const keys = CALL_RULES.map((r) => `${r.method} ${r.pattern}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('canUseConsoleRoute', () => {
  it('lets every role search and read the index state, and only admin build or drop it', () => {
    for (const role of ROLES) {
      expect.soft(canUseConsoleRoute(role, 'GET', 'apps/demo/users/search'), role).toBe(true);
      expect.soft(canUseConsoleRoute(role, 'GET', 'apps/demo/users/index'), role).toBe(true);
      expect.soft(canUseConsoleRoute(role, 'HEAD', 'apps/demo/users/index'), role).toBe(true);
      expect.soft(canUseConsoleRoute(role, 'POST', 'apps/demo/users/index'), role).toBe(role === 'admin');
      expect.soft(canUseConsoleRoute(role, 'DELETE', '/apps/demo/users/index/'), role).toBe(role === 'admin');
      expect.soft(canUseConsoleRoute(role, 'GET', 'audit'), role).toBe(role === 'admin');
      // Anything not listed is the admin's.
      expect.soft(canUseConsoleRoute(role, 'POST', 'apps/demo/users/search'), role).toBe(role === 'admin');
      expect.soft(canUseConsoleRoute(role, 'GET', 'something/new'), role).toBe(role === 'admin');
    }
  });

  it('lets admin use every listed route', () => {
    for (const r of CONSOLE_RULES) expect(r.roles).toContain('admin');
  });
});
