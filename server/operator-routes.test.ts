import { describe, expect, it } from 'vitest';
import { addOperators, consolesOnEmulator, signIn, type ConsoleUnderTest } from './testing/console-harness.js';

// `/im-console/operators` over HTTP: what an admin may do to operators without a shell, the
// last-admin rule, and the audit of each change.

const consoles = consolesOnEmulator(['alice']);
let c: ConsoleUnderTest;

type OperatorView = { username: string; role: string; signIn: string; disabled: boolean; lastSignInAt: string | null };

describe('operators, for admins', () => {
  it('lists operators with their role, how they sign in and their last sign-in; refuses (and audits) everyone else', async () => {
    c = await consoles.serve();
    await addOperators(c.services, ['moderator', 'admin']);
    const admin = await signIn(c.url, 'admin');
    const list = (await (await admin.call('GET', '/im-console/operators')).json()) as { operators: OperatorView[] };
    expect(list.operators).toEqual([
      { username: 'admin', role: 'admin', signIn: 'password', disabled: false, lastSignInAt: new Date(c.clock.now).toISOString(), createdAt: expect.any(String) },
      { username: 'moderator', role: 'moderator', signIn: 'password', disabled: false, lastSignInAt: null, createdAt: expect.any(String) },
    ]);

    const moderator = await signIn(c.url, 'moderator');
    for (const [method, path, body] of [
      ['GET', '/im-console/operators', undefined],
      ['POST', '/im-console/operators', { username: 'eve', role: 'admin' }],
      ['PATCH', '/im-console/operators/admin', { disabled: true }],
    ] as const) {
      const res = await moderator.call(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'forbidden_role' });
    }
    expect(await c.services.operators.get('eve')).toBeUndefined();
    expect((await c.services.audit.query({ operator: 'moderator' })).entries.filter((e) => e.refusal === 'forbidden_role')).toHaveLength(3);
  });

  it('adds a local operator with a password shown once, which signs in', async () => {
    c = await consoles.serve();
    await addOperators(c.services, ['admin']);
    const admin = await signIn(c.url, 'admin');
    const res = await admin.call('POST', '/im-console/operators', { username: 'Dana', role: 'support' });
    expect(res.status).toBe(201);
    const { operator, password } = (await res.json()) as { operator: OperatorView; password: string };
    expect(operator).toMatchObject({ username: 'dana', role: 'support', disabled: false, lastSignInAt: null });
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(await signIn(c.url, 'dana', password)).toMatchObject({ role: 'support' });
    // Names are checked as the CLI checks them; an existing one is refused.
    expect((await admin.call('POST', '/im-console/operators', { username: 'bad name', role: 'viewer' })).status).toBe(400);
    expect(await (await admin.call('POST', '/im-console/operators', { username: 'dana', role: 'viewer' })).json()).toMatchObject({ error: 'invalid_operator' });
    const row = (await c.services.audit.query({ action: 'POST im-console/operators' })).entries[0];
    expect(row).toMatchObject({ operator: 'admin', target: 'dana', summary: '{"role":"support"}', status: 200 });
    expect(JSON.stringify((await c.services.audit.query({})).entries)).not.toContain(password);
  });

  it('changes a role and disables: the operator’s open session follows at its next request', async () => {
    c = await consoles.serve();
    await addOperators(c.services, ['support', 'admin']);
    const admin = await signIn(c.url, 'admin');
    const support = await signIn(c.url, 'support');
    expect((await support.call('DELETE', '/im/demo/users/alice')).status).toBe(403);

    expect((await admin.call('PATCH', '/im-console/operators/support', { role: 'viewer' })).status).toBe(200);
    expect(await (await support.call('GET', '/im-console/session')).json()).toMatchObject({ role: 'viewer' });

    expect(await (await admin.call('PATCH', '/im-console/operators/support', { disabled: true })).json()).toMatchObject({ operator: { disabled: true } });
    expect((await support.call('GET', '/im-console/session')).status).toBe(401);
    expect((await admin.call('PATCH', '/im-console/operators/support', { disabled: false })).status).toBe(200);
    expect((await admin.call('PATCH', '/im-console/operators/nobody', { disabled: true })).status).toBe(404);
    expect((await c.services.audit.query({ action: 'PATCH im-console/operators/{name}' })).entries.map((e) => e.summary)).toEqual([
      '{"disabled":false}',
      '{"disabled":true}',
      '{"role":"viewer"}',
    ]);
  });

  it('never leaves the console without an enabled admin', async () => {
    c = await consoles.serve();
    await addOperators(c.services, ['admin']);
    const admin = await signIn(c.url, 'admin');
    for (const change of [{ disabled: true }, { role: 'moderator' }]) {
      const res = await admin.call('PATCH', '/im-console/operators/admin', change);
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ error: 'last_admin' });
    }
    expect(await c.services.operators.get('admin')).toMatchObject({ role: 'admin', disabled: false });
    // With a second admin, the first may step down.
    await admin.call('POST', '/im-console/operators', { username: 'root2', role: 'admin' });
    expect((await admin.call('PATCH', '/im-console/operators/admin', { role: 'moderator' })).status).toBe(200);
  });

  it('resets a password (shown once) and a second factor, and ends sessions; each ends the sessions open', async () => {
    c = await consoles.serve();
    await addOperators(c.services, ['support', 'admin']);
    const admin = await signIn(c.url, 'admin');
    let support = await signIn(c.url, 'support');

    const reset = await admin.call('POST', '/im-console/operators/support/password');
    const { password } = (await reset.json()) as { password: string };
    expect((await support.call('GET', '/im-console/session')).status).toBe(401);
    support = await signIn(c.url, 'support', password);
    expect((await c.services.audit.query({ action: 'POST im-console/operators/{name}/password' })).entries[0]).toMatchObject({ summary: '{"password":"[redacted]"}' });

    expect((await admin.call('DELETE', '/im-console/operators/support/sessions')).status).toBe(204);
    expect((await support.call('GET', '/im-console/session')).status).toBe(401);

    const id = (await c.services.operators.get('support'))!.id;
    await c.services.secondFactor.begin(id, 'support');
    await c.services.db.updateTable('operators').set((e) => ({ totp_secret: e.ref('totp_pending_secret') })).where('id', '=', id).execute();
    expect((await (await admin.call('GET', '/im-console/operators')).json()) as { operators: OperatorView[] }).toMatchObject({
      operators: expect.arrayContaining([expect.objectContaining({ username: 'support', signIn: 'password+totp' })]),
    });
    expect((await admin.call('DELETE', '/im-console/operators/support/second-factor')).status).toBe(204);
    expect(await c.services.secondFactor.enrolled(id)).toBe(false);
  });
});
