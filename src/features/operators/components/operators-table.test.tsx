import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSessionState } from '@/lib/session/session-store';
import { fakeConsoleServer, jsonResponse, type FakeConsoleServer } from '@/testing/fake-console';
import { renderWithProviders } from '@/testing/render';
import type { Operator } from '../api/get-operators';
import { OperatorsTable } from './operators-table';

// `/im-console/operators` is the console server's own endpoint: a fake server answers it, keeping
// the operators it was given and applying the changes (and the last-admin rule) as the real one does.
let server: FakeConsoleServer;
let operators: Operator[];

const operator = (username: string, fields: Partial<Operator> = {}): Operator => ({
  username,
  role: 'viewer',
  signIn: 'password',
  disabled: false,
  lastSignInAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

const refuse = (status: number, error: string, description: string) => jsonResponse({ error, error_description: description }, status);

function serve(rows: Operator[]) {
  operators = rows;
  server = fakeConsoleServer(async (req) => {
    const [name, tail] = new URL(req.url).pathname.split('/').slice(3).map(decodeURIComponent);
    const body = req.method === 'POST' || req.method === 'PATCH' ? ((await req.json().catch(() => ({}))) as Record<string, unknown>) : {};
    if (name === undefined) {
      if (req.method === 'GET') return jsonResponse({ operators });
      if (operators.some((o) => o.username === body.username)) return refuse(400, 'invalid_operator', `operator "${String(body.username)}" already exists`);
      const added = operator(String(body.username), { role: String(body.role) });
      operators = [...operators, added];
      return jsonResponse({ operator: added, password: 'Xq3-one-time-pass' }, 201);
    }
    const o = operators.find((x) => x.username === name);
    if (!o) return refuse(404, 'no_operator', `No operator "${name}".`);
    if (req.method === 'PATCH') {
      const admins = operators.filter((x) => x.role === 'admin' && !x.disabled).length;
      const losesAdmin = o.role === 'admin' && !o.disabled && ((body.role !== undefined && body.role !== 'admin') || body.disabled === true);
      if (losesAdmin && admins <= 1) return refuse(409, 'last_admin', `${o.username} is the last enabled admin: make another admin first.`);
      Object.assign(o, body);
      operators = [...operators];
      return jsonResponse({ operator: o });
    }
    if (tail === 'password') return jsonResponse({ password: 'Fresh-pass-9876' });
    if (tail === 'second-factor') Object.assign(o, { signIn: 'password' });
    return new Response(null, { status: 204 });
  });
}

const render = (language: 'en' | 'zh-CN' = 'en') => renderWithProviders(<OperatorsTable />, { consoleServer: server, language });
const rowOf = (username: string) => screen.getByRole('row', { name: new RegExp(`^${username}\\b`) });
const sent = (method: string) => server.requests.filter((r) => r.method === method).map((r) => new URL(r.url).pathname);

/** Opens the operator's row menu and picks an item. */
async function choose(user: ReturnType<typeof render>['user'], username: string, item: string) {
  await user.click(await screen.findByRole('button', { name: `Actions for ${username}` }));
  await user.click(await screen.findByRole('menuitem', { name: item }));
}

beforeEach(() => setSessionState({ status: 'signed-in', username: 'ada', role: 'admin', csrfToken: 't' }));
afterEach(() => setSessionState({ status: 'checking' }));

describe('OperatorsTable', () => {
  it('lists each operator with role, how they sign in, last sign-in and state, and marks the admin’s own row', async () => {
    serve([
      operator('ada', { role: 'admin', signIn: 'password+totp', lastSignInAt: '2026-05-01T09:30:00.000Z' }),
      operator('bob', { role: 'support' }),
      operator('carol', { role: 'moderator', signIn: 'sso', disabled: true, lastSignInAt: '2026-04-02T08:00:00.000Z' }),
    ]);
    render();
    await screen.findByText('carol');
    const table = screen.getByRole('table', { name: 'Operators' });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET http://console.test/im-console/operators']);
    const ada = within(table).getByText('ada').closest('tr')!;
    expect(ada).toHaveTextContent('you');
    expect(ada).toHaveTextContent('Admin');
    expect(ada).toHaveTextContent('Password + TOTP');
    expect(ada).toHaveTextContent(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-05-01T09:30:00.000Z')));
    expect(ada).toHaveTextContent('Active');
    const bob = rowOf('bob');
    expect(bob).toHaveTextContent('Support');
    expect(bob).toHaveTextContent('Password');
    expect(bob).toHaveTextContent('Never');
    expect(bob).not.toHaveTextContent('you');
    const carol = rowOf('carol');
    expect(carol).toHaveTextContent('SSO');
    expect(carol).toHaveTextContent('Role comes from the identity provider');
    expect(carol).toHaveTextContent('Disabled');
  });

  it('offers only what applies: no role, password or second factor for SSO, a second-factor reset only with TOTP', async () => {
    serve([operator('ada', { role: 'admin' }), operator('bob', { signIn: 'password+totp' }), operator('carol', { signIn: 'sso', role: 'moderator' })]);
    const { user } = render();
    const items = async (username: string) => {
      await user.click(await screen.findByRole('button', { name: `Actions for ${username}` }));
      const names = (await screen.findAllByRole('menuitem')).map((i) => i.textContent);
      await user.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
      return names;
    };
    expect(await items('ada')).toEqual(['Change role…', 'Disable…', 'Reset password…', 'End sessions…']);
    expect(await items('bob')).toEqual(['Change role…', 'Disable…', 'Reset password…', 'Reset second factor…', 'End sessions…']);
    expect(await items('carol')).toEqual(['Disable…', 'End sessions…']);
  });

  it('changes a role through the dialog, with the name encoded in the path', async () => {
    serve([operator('ada', { role: 'admin' }), operator('bob@example.com', { role: 'viewer' })]);
    const { user } = render();
    await choose(user, 'bob@example.com', 'Change role…');
    const dialog = await screen.findByRole('dialog', { name: 'Change the role of bob@example.com' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Role' }), 'Moderator');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const patch = server.requests.find((r) => r.method === 'PATCH')!;
    expect(new URL(patch.url).pathname).toBe('/im-console/operators/bob%40example.com');
    expect(await patch.json()).toEqual({ role: 'moderator' });
    await waitFor(() => expect(rowOf('bob@example.com')).toHaveTextContent('Moderator'));
    expect(screen.getByRole('button', { name: 'Actions for bob@example.com' })).toHaveFocus();
  });

  it('says the server’s refusal when the last enabled admin would be disabled or demoted, and nothing changes', async () => {
    serve([operator('ada', { role: 'admin' }), operator('bob')]);
    const { user } = render();
    await choose(user, 'ada', 'Disable…');
    const confirm = await screen.findByRole('dialog', { name: 'Disable ada?' });
    expect(confirm).toHaveTextContent('This is your own account: you will be signed out too.');
    await user.click(within(confirm).getByRole('button', { name: 'Disable' }));
    expect(await within(confirm).findByRole('alert')).toHaveTextContent('ada is the last enabled admin: make another admin first. (409 last_admin)');
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await choose(user, 'ada', 'Change role…');
    const dialog = await screen.findByRole('dialog', { name: 'Change the role of ada' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Role' }), 'Viewer');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('ada is the last enabled admin: make another admin first.');
    expect(rowOf('ada')).toHaveTextContent('Admin');
    expect(rowOf('ada')).toHaveTextContent('Active');
  });

  it('disables an operator after a confirmation, then enables them again', async () => {
    serve([operator('ada', { role: 'admin' }), operator('bob')]);
    const { user } = render();
    await choose(user, 'bob', 'Disable…');
    const confirm = await screen.findByRole('dialog', { name: 'Disable bob?' });
    expect(confirm).toHaveTextContent('bob cannot sign in until enabled again, and their open sessions end now.');
    expect(confirm).not.toHaveTextContent('your own account');
    await user.click(within(confirm).getByRole('button', { name: 'Disable' }));
    await waitFor(() => expect(rowOf('bob')).toHaveTextContent('Disabled'));
    await choose(user, 'bob', 'Enable');
    await waitFor(() => expect(rowOf('bob')).toHaveTextContent('Active'));
    expect(await Promise.all(server.requests.filter((r) => r.method === 'PATCH').map((r) => r.json()))).toEqual([{ disabled: true }, { disabled: false }]);
  });

  it('resets a password after a confirmation and shows the new one once, to copy', async () => {
    serve([operator('ada', { role: 'admin' }), operator('bob')]);
    const { user } = render();
    await choose(user, 'bob', 'Reset password…');
    const confirm = await screen.findByRole('dialog', { name: 'Reset the password of bob?' });
    expect(sent('POST')).toEqual([]);
    await user.click(within(confirm).getByRole('button', { name: 'Reset password' }));
    const shown = await screen.findByRole('dialog', { name: 'New password for bob' });
    expect(sent('POST')).toEqual(['/im-console/operators/bob/password']);
    expect(within(shown).getByRole('status')).toHaveTextContent('Shown only once');
    const box = within(shown).getByRole('textbox', { name: 'One-time password for bob' });
    expect(box).toHaveValue('Fresh-pass-9876');
    expect(box).toHaveAttribute('readonly');
    await user.click(within(shown).getByRole('button', { name: 'Copy' }));
    expect(await within(shown).findByRole('button', { name: 'Copied' })).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe('Fresh-pass-9876');
    await user.click(within(shown).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByDisplayValue('Fresh-pass-9876')).toBeNull();
  });

  it('resets a second factor and ends sessions, each after a confirmation', async () => {
    serve([operator('ada', { role: 'admin' }), operator('bob', { signIn: 'password+totp' })]);
    const { user } = render();
    await choose(user, 'bob', 'Reset second factor…');
    await user.click(within(await screen.findByRole('dialog', { name: 'Reset the second factor of bob?' })).getByRole('button', { name: 'Reset second factor' }));
    await waitFor(() => expect(rowOf('bob')).not.toHaveTextContent('TOTP'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await choose(user, 'bob', 'End sessions…');
    const confirm = await screen.findByRole('dialog', { name: 'End the sessions of bob?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent('DELETE')).toEqual(['/im-console/operators/bob/second-factor']);
    await choose(user, 'bob', 'End sessions…');
    await user.click(within(await screen.findByRole('dialog', { name: 'End the sessions of bob?' })).getByRole('button', { name: 'End sessions' }));
    await waitFor(() => expect(sent('DELETE')).toEqual(['/im-console/operators/bob/second-factor', '/im-console/operators/bob/sessions']));
  });

  it('works from the keyboard: the menu opens on its first item, and focus comes back after a dialog', async () => {
    serve([operator('ada', { role: 'admin' }), operator('bob')]);
    const { user } = render();
    const button = await screen.findByRole('button', { name: 'Actions for bob' });
    button.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('menuitem', { name: 'Change role…' })).toHaveFocus());
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Disable…' })).toHaveFocus();
    await user.keyboard('{Enter}');
    const confirm = await screen.findByRole('dialog', { name: 'Disable bob?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(button).toHaveFocus());
    expect(sent('PATCH')).toEqual([]);
  });

  it('shows a failed load with a retry', async () => {
    serve([operator('ada', { role: 'admin' })]);
    const answer = server.handle;
    server.handle = () => refuse(503, 'audit_unavailable', 'The console database is busy.');
    const { user } = render();
    expect(await screen.findByRole('alert')).toHaveTextContent('The console database is busy.');
    server.handle = answer;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('ada')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Operators' })).toHaveTextContent('Admin');
  });

  it('says the same in Chinese', async () => {
    serve([operator('ada', { role: 'admin', signIn: 'password+totp' }), operator('carol', { signIn: 'sso', disabled: true })]);
    const { user } = render('zh-CN');
    await screen.findByText('carol');
    const table = screen.getByRole('table', { name: '操作员' });
    expect(table).toHaveTextContent('密码 + TOTP');
    expect(table).toHaveTextContent('角色由身份提供方决定');
    expect(table).toHaveTextContent('从未登录');
    expect(table).toHaveTextContent('已停用');
    await user.click(screen.getByRole('button', { name: 'carol 的操作' }));
    expect(await screen.findByRole('menuitem', { name: '启用' })).toBeInTheDocument();
  });
});

describe('Add operator', () => {
  it('checks the name before sending, says the server’s refusal, and shows the new operator’s password once', async () => {
    serve([operator('ada', { role: 'admin' }), operator('bob')]);
    const { user } = render();
    await user.click(await screen.findByRole('button', { name: 'Add operator' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add an operator' });
    const name = within(dialog).getByRole('textbox', { name: 'Username' });
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(within(dialog).getByText('Enter a username')).toBeInTheDocument();
    for (const bad of ['-dana', 'dana smith', 'dana!', 'x'.repeat(65)]) {
      await user.clear(name);
      await user.type(name, bad);
      await user.click(within(dialog).getByRole('button', { name: 'Add' }));
      expect(within(dialog).getByText('Use 1–64 of a–z, 0–9 and . _ @ -, starting with a letter or digit')).toBeInTheDocument();
    }
    expect(sent('POST')).toEqual([]);

    await user.clear(name);
    await user.type(name, 'bob');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('operator "bob" already exists');

    await user.clear(name);
    await user.type(name, ' Dana.Lee ');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Role' }), 'Support');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    const done = await screen.findByRole('dialog', { name: 'dana.lee is added' });
    expect(await server.requests.filter((r) => r.method === 'POST').at(-1)!.json()).toEqual({ username: 'dana.lee', role: 'support' });
    expect(within(done).getByRole('status')).toHaveTextContent('it cannot be shown again');
    expect(within(done).getByRole('textbox', { name: 'One-time password for dana.lee' })).toHaveValue('Xq3-one-time-pass');
    await user.click(within(done).getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe('Xq3-one-time-pass');
    await waitFor(() => expect(rowOf('dana.lee')).toHaveTextContent('Support'));
    await user.click(within(done).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('button', { name: 'Add operator' })).toHaveFocus();

    // Opened again, it starts empty: the password is not shown a second time.
    await user.click(screen.getByRole('button', { name: 'Add operator' }));
    const again = await screen.findByRole('dialog', { name: 'Add an operator' });
    expect(within(again).getByRole('textbox', { name: 'Username' })).toHaveValue('');
    expect(screen.queryByDisplayValue('Xq3-one-time-pass')).toBeNull();
  });
});
