import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client/api-error';
import { callApi } from '@/lib/api-client/http';
import { renderWithProviders } from '@/testing/render';
import { GroupAdminsPanel } from './group-admins-panel';

// The section's own logic is under test; the HTTP call is replaced where every call goes through.
vi.mock('@/lib/api-client/http', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/api-client/http')>()),
  callApi: vi.fn(),
}));
const call = vi.mocked(callApi);

/** Answers GET …/admin with `admins`; other calls as `answer` says. */
function fakeApi(admins: string[], answer: (c: { method: string; path: string; json?: unknown }) => unknown = () => ({})) {
  call.mockImplementation(async (_http, _app, c) => {
    if (c.method === 'get' && c.path.endsWith('/admin')) return { data: admins };
    return answer(c);
  });
}

const render = () =>
  renderWithProviders(<GroupAdminsPanel app="demo" groupId="g1" groupName="Board Games" owner="grace" />);

beforeEach(() => {
  call.mockReset();
});

describe('GroupAdminsPanel', () => {
  it('lists the owner first and then the admins, each a link, with the count against the limit', async () => {
    fakeApi(['bob', 'carol']);
    render();
    await screen.findByRole('link', { name: 'carol' });
    const table = screen.getByRole('table', { name: 'Admins of Board Games' });
    const rows = within(table).getAllByRole('row');
    expect(rows.slice(1).map((r) => within(r).getByRole('link').textContent)).toEqual(['grace', 'bob', 'carol']);
    expect(within(rows[1]!).getByText('Owner')).toBeInTheDocument();
    expect(within(rows[1]!).queryByRole('button')).toBeNull();
    expect(screen.getByText('2 of 99 admins (the owner and the admins are at most 100).')).toBeInTheDocument();
  });

  it('refuses the owner, an admin and a malformed name before sending', async () => {
    fakeApi(['bob']);
    const { user } = render();
    await screen.findByRole('link', { name: 'bob' });
    const field = screen.getByRole('textbox', { name: 'Member’s username' });
    const submit = screen.getByRole('button', { name: 'Make admin' });
    await user.type(field, 'grace');
    await user.click(submit);
    expect(screen.getByText('grace owns the group; the owner cannot also be an admin.')).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, 'BOB');
    await user.click(submit);
    expect(screen.getByText('bob is already an admin.')).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, 'a b');
    await user.click(submit);
    expect(screen.getByText(/A username is 1–64 characters/)).toBeInTheDocument();
    expect(call.mock.calls.filter(([, , c]) => c.method !== 'get')).toEqual([]);
  });

  it('refuses a 100th admin before sending: owner + admins are at most 100', async () => {
    fakeApi(Array.from({ length: 99 }, (_, i) => `admin${i}`));
    render();
    expect(await screen.findByText(/This group already has 99 admins/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Make admin' })).toBeDisabled();
  });

  it('sends {newadmin}, clears the field on success, and shows the API’s refusal next to the form', async () => {
    let refuse = true;
    fakeApi([], (c) => {
      if (refuse) throw new ApiError({ kind: 'http', status: 404, error: 'resource_not_found', description: 'user: zed doesn\'t exist in group: g1', call: 'POST /chatgroups/g1/admin' });
      return { data: { result: 'success', newadmin: (c.json as { newadmin: string }).newadmin } };
    });
    const { user } = render();
    await screen.findByText('0 of 99 admins (the owner and the admins are at most 100).');
    const field = screen.getByRole('textbox', { name: 'Member’s username' });
    await user.type(field, 'zed');
    await user.click(screen.getByRole('button', { name: 'Make admin' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("user: zed doesn't exist in group: g1");
    expect(field).toHaveValue('zed');
    const post = call.mock.calls.find(([, , c]) => c.method === 'post')![2];
    expect(post).toMatchObject({ path: 'chatgroups/g1/admin', json: { newadmin: 'zed' } });

    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Make admin' }));
    await vi.waitFor(() => expect(field).toHaveValue(''));
  });

  it('demotes after a confirmation', async () => {
    fakeApi(['bob'], () => ({ data: { result: 'success', oldadmin: 'bob' } }));
    const { user } = render();
    await user.click(await screen.findByRole('button', { name: 'Remove admin role: bob' }));
    const dialog = await screen.findByRole('dialog', { name: 'Make bob a plain member?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove admin role' }));
    await vi.waitFor(() => expect(call.mock.calls.some(([, , c]) => c.method === 'delete' && c.path === 'chatgroups/g1/admin/bob')).toBe(true));
  });

  it('transfers ownership only after the group ID is typed, and says the old owner stays a member', async () => {
    fakeApi([], () => ({ data: { newowner: true } }));
    const { user } = render();
    const field = await screen.findByRole('textbox', { name: 'New owner’s username' });
    await user.type(field, 'grace');
    await user.click(screen.getByRole('button', { name: 'Transfer…' }));
    expect(screen.getByText('grace already owns the group.')).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, 'dave');
    await user.click(screen.getByRole('button', { name: 'Transfer…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Make dave the owner of Board Games?' });
    expect(dialog).toHaveTextContent('grace, the owner now, stays in the group as a plain member.');
    const confirm = within(dialog).getByRole('button', { name: 'Transfer ownership' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox', { name: 'Type g1 to confirm' }), 'g1');
    await user.click(confirm);
    await vi.waitFor(() => expect(call.mock.calls.some(([, , c]) => c.method === 'put' && c.path === 'chatgroups/g1')).toBe(true));
    expect(call.mock.calls.find(([, , c]) => c.method === 'put')![2].json).toEqual({ newowner: 'dave' });
  });
});
