import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { addOperators, consolesOnEmulator, PASSWORD, signIn, type ConsoleUnderTest } from './testing/console-harness.js';

// The second factor over HTTP: REQUIRE_2FA=admin holds an admin without one to enrolment, the
// enrolment itself, and sign-ins with a TOTP code or a recovery code, throttled like passwords.

const consoles = consolesOnEmulator(['alice']);
let c: ConsoleUnderTest;

const post = (path: string, body: unknown) =>
  fetch(`${c.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
/** The code the operator's app shows now (by the console's clock), `steps` of 30 s away. */
const codeNow = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(c.clock.now / 1000) + steps * 30 });

/** An admin signs in with a password only, then enrols; the secret and the recovery codes. */
async function enrolAdmin() {
  const me = await signIn(c.url, 'admin');
  const begun = await me.call('POST', '/im-console/account/second-factor');
  expect(begun.status).toBe(200);
  const { secret, qrSvg, uri } = (await begun.json()) as { secret: string; qrSvg: string; uri: string };
  const confirmed = await me.call('POST', '/im-console/account/second-factor/confirm', { code: await codeNow(secret) });
  expect(confirmed.status).toBe(200);
  const { recoveryCodes } = (await confirmed.json()) as { recoveryCodes: string[] };
  // The confirming code's step is spent: the next sign-in uses the next one.
  c.clock.now += 30_000;
  return { me, secret, qrSvg, uri, recoveryCodes };
}

describe('REQUIRE_2FA=admin', () => {
  it("holds an admin without a second factor to enrolment until a code confirms it; others are not held", async () => {
    c = await consoles.serve({ require2fa: 'admin' });
    await addOperators(c.services, ['moderator', 'admin']);
    const me = await signIn(c.url, 'admin');
    expect(me).toMatchObject({ signIn: 'password', secondFactor: { enrolled: false, required: true } });

    for (const [method, path] of [['GET', '/im-console/audit'], ['GET', '/im/demo/users/alice'], ['GET', '/im-console/apps']] as const) {
      const res = await me.call(method, path);
      expect(res.status, path).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'second_factor_enrolment_required' });
    }
    expect((await me.call('GET', '/im-console/account')).status).toBe(200);

    const begun = await me.call('POST', '/im-console/account/second-factor');
    const { secret, uri, qrSvg } = (await begun.json()) as { secret: string; uri: string; qrSvg: string };
    expect(uri).toContain(`secret=${secret}`);
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const wrong = await me.call('POST', '/im-console/account/second-factor/confirm', { code: (await codeNow(secret)) === '123456' ? '654321' : '123456' });
    expect(wrong.status).toBe(400);
    expect((await me.call('GET', '/im-console/audit')).status).toBe(403);

    const confirmed = await me.call('POST', '/im-console/account/second-factor/confirm', { code: await codeNow(secret) });
    const { recoveryCodes } = (await confirmed.json()) as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    // The same session goes on, no sign-in again.
    expect((await me.call('GET', '/im-console/audit')).status).toBe(200);
    expect(await (await me.call('GET', '/im-console/account')).json()).toMatchObject({ secondFactor: { enrolled: true, required: true, recoveryCodesLeft: 10 } });

    const moderator = await signIn(c.url, 'moderator');
    expect(moderator).toMatchObject({ secondFactor: { enrolled: false, required: false } });
    expect((await moderator.call('GET', '/im/demo/users/alice')).status).toBe(200);
  });

  it('refuses a second enrolment over a confirmed one (an admin resets it instead)', async () => {
    c = await consoles.serve({ require2fa: 'admin' });
    await addOperators(c.services, ['admin']);
    const { me } = await enrolAdmin();
    const again = await me.call('POST', '/im-console/account/second-factor');
    expect(again.status).toBe(409);
  });
});

describe('signing in with a second factor', () => {
  it('asks for the code after the right password, takes a TOTP code once, and records how the session signed in', async () => {
    c = await consoles.serve({ require2fa: 'admin' });
    await addOperators(c.services, ['admin']);
    const { secret } = await enrolAdmin();

    const noCode = await post('/im-console/session', { username: 'admin', password: PASSWORD });
    expect(noCode.status).toBe(401);
    expect(await noCode.json()).toMatchObject({ error: 'second_factor_required' });
    expect(noCode.headers.get('set-cookie')).toBeNull();
    // A wrong password with a right code is still a wrong password.
    const wrongPassword = await post('/im-console/session', { username: 'admin', password: 'not the password', code: await codeNow(secret) });
    expect(await wrongPassword.json()).toMatchObject({ error: 'invalid_credentials' });

    const code = await codeNow(secret);
    const me = await signIn(c.url, 'admin', PASSWORD, code);
    expect(me).toMatchObject({ signIn: 'password+totp' });
    // Used once: refused for the rest of its window, even seconds later.
    c.clock.now += 5_000;
    const replay = await post('/im-console/session', { username: 'admin', password: PASSWORD, code });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ error: 'invalid_second_factor' });

    expect((await me.call('PUT', '/im/demo/users/alice/password', { newpassword: 'An0ther-Passw0rd' })).status).toBe(200);
    const rows = (await c.services.audit.query({})).entries;
    expect(rows.find((r) => r.action.endsWith('password'))).toMatchObject({ operator: 'admin', signIn: 'password+totp' });
    expect(rows.find((r) => r.action === 'POST im-console/session' && r.status === 200 && r.signIn === 'password+totp')).toBeDefined();
    expect(rows.filter((r) => r.refusal === 'invalid_second_factor')).toHaveLength(1);
  });

  it('takes each recovery code once', async () => {
    c = await consoles.serve({ require2fa: 'admin' });
    await addOperators(c.services, ['admin']);
    const { recoveryCodes } = await enrolAdmin();
    const me = await signIn(c.url, 'admin', PASSWORD, recoveryCodes[3]!);
    expect(me).toMatchObject({ signIn: 'password+recovery' });
    expect(await (await me.call('GET', '/im-console/account')).json()).toMatchObject({ secondFactor: { recoveryCodesLeft: 9 } });
    const again = await post('/im-console/session', { username: 'admin', password: PASSWORD, code: recoveryCodes[3] });
    expect(again.status).toBe(401);
  });

  it('throttles wrong codes like wrong passwords: the sixth try is refused, even with the right code', async () => {
    c = await consoles.serve({ require2fa: 'admin' });
    await addOperators(c.services, ['admin']);
    const { secret } = await enrolAdmin();
    const right = await codeNow(secret);
    const wrongCode = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const res = await post('/im-console/session', { username: 'admin', password: PASSWORD, code: wrongCode });
      expect(res.status).toBe(401);
    }
    const locked = await post('/im-console/session', { username: 'admin', password: PASSWORD, code: right });
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ error: 'too_many_attempts' });
  });

  it('a reset of the second factor ends the sessions, and the admin enrols again at the next sign-in', async () => {
    c = await consoles.serve({ require2fa: 'admin' });
    await addOperators(c.services, ['admin']);
    const { secret } = await enrolAdmin();
    const me = await signIn(c.url, 'admin', PASSWORD, await codeNow(secret));
    await c.services.secondFactor.reset((await c.services.operators.get('admin'))!.id);
    expect((await me.call('GET', '/im-console/account')).status).toBe(401);
    const next = await signIn(c.url, 'admin');
    expect(next).toMatchObject({ signIn: 'password', secondFactor: { enrolled: false, required: true } });
    expect((await next.call('GET', '/im-console/audit')).status).toBe(403);
  });
});
