import { describe, expect, it } from 'vitest';
import { groupsOf, parseRoleMap, readSsoSettings, roleFromGroups } from './settings.js';

// OIDC_* settings: refused at start when wrong, so a typo never opens or closes the console silently.

const base = { OIDC_ISSUER: 'https://login.example.com', OIDC_CLIENT_ID: 'console', OIDC_CLIENT_SECRET: 's3cret', OIDC_ROLE_MAP: 'im-admins=admin' };

describe('single sign-on settings', () => {
  it('are off without OIDC_ISSUER, and read with defaults otherwise', () => {
    expect(readSsoSettings({})).toBeUndefined();
    expect(readSsoSettings(base)).toMatchObject({ clientId: 'console', label: 'login.example.com', rolesClaim: 'groups', allowedEmailDomains: [], scopes: 'openid profile email groups' });
    expect(readSsoSettings({ ...base, OIDC_ROLES_CLAIM: 'roles', OIDC_ALLOWED_EMAIL_DOMAINS: ' Example.com, @corp.example ' })).toMatchObject({
      rolesClaim: 'roles',
      scopes: 'openid profile email',
      allowedEmailDomains: ['example.com', 'corp.example'],
    });
  });

  it('refuse a plain-HTTP issuer other than this machine, a missing client or role map, a bad map', () => {
    expect(() => readSsoSettings({ ...base, OIDC_ISSUER: 'http://login.example.com' })).toThrow(/https/);
    expect(readSsoSettings({ ...base, OIDC_ISSUER: 'http://127.0.0.1:9000' })?.issuer.href).toBe('http://127.0.0.1:9000/');
    expect(() => readSsoSettings({ ...base, OIDC_CLIENT_SECRET: '' })).toThrow(/OIDC_CLIENT_SECRET/);
    expect(() => readSsoSettings({ ...base, OIDC_ROLE_MAP: '' })).toThrow(/OIDC_ROLE_MAP is required/);
    expect(() => parseRoleMap('im-admins=owner')).toThrow(/"owner" is not a role/);
    expect(() => parseRoleMap('=admin')).toThrow(/not group=role/);
    expect(() => parseRoleMap('a=admin,a=viewer')).toThrow(/mapped twice/);
  });

  it('map groups to the highest role, whether the claim is a list or one string', () => {
    const map = parseRoleMap('im-admins=admin, im-moderators=moderator,support=support,pm=viewer, /staff/ops=moderator');
    expect(roleFromGroups(groupsOf(['pm', 'support']), map)).toBe('support');
    expect(roleFromGroups(groupsOf(['pm', 'im-admins', 'support']), map)).toBe('admin');
    expect(roleFromGroups(groupsOf('pm im-moderators'), map)).toBe('moderator');
    expect(roleFromGroups(groupsOf(['/staff/ops']), map)).toBe('moderator');
    expect(roleFromGroups(groupsOf(['marketing']), map)).toBeUndefined();
    expect(roleFromGroups(groupsOf(undefined), map)).toBeUndefined();
  });
});
