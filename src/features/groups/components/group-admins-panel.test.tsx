import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { arrangeGroup, readGroup, type GroupSetup } from '@/testing/im-arrange';
import { imHostPerTest } from '@/testing/im-host';
import { renderWithProviders } from '@/testing/render';
import { GroupAdminsPanel } from './group-admins-panel';

const host = imHostPerTest();
let group = '';

/** Board Games, owned by grace, as the test sets it up. */
async function render(setup: Omit<GroupSetup, 'owner' | 'name'>) {
  group = await arrangeGroup(host(), { name: 'Board Games', owner: 'grace', ...setup });
  return renderWithProviders(<GroupAdminsPanel app="demo" groupId={group} groupName="Board Games" owner="grace" />, {
    imHost: host(),
  });
}
const changes = () => host().calls.filter((c) => c.method !== 'GET');

describe('GroupAdminsPanel', () => {
  it('lists the owner first and then the admins, each a link, with the count against the limit', async () => {
    await render({ members: ['bob', 'carol', 'dave'], admins: ['bob', 'carol'] });
    await screen.findByRole('link', { name: 'carol' });
    const table = screen.getByRole('table', { name: 'Admins of Board Games' });
    const rows = within(table).getAllByRole('row');
    expect(rows.slice(1).map((r) => within(r).getByRole('link').textContent)).toEqual(['grace', 'bob', 'carol']);
    expect(within(rows[1]!).getByText('Owner')).toBeInTheDocument();
    expect(within(rows[1]!).queryByRole('button')).toBeNull();
    expect(screen.getByText('2 of 99 admins (the owner and the admins are at most 100).')).toBeInTheDocument();
  });

  it('refuses the owner, an admin and a malformed name before sending', async () => {
    const { user } = await render({ members: ['bob'], admins: ['bob'] });
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
    expect(changes()).toEqual([]);
  });

  it('refuses a 100th admin before sending: owner + admins are at most 100', async () => {
    const admins = Array.from({ length: 99 }, (_, i) => `admin${i}`);
    await render({ members: [...admins, 'zed'], admins });
    expect(await screen.findByText(/This group already has 99 admins/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Make admin' })).toBeDisabled();
  });

  it('sends {newadmin}, clears the field on success, and shows the API’s refusal next to the form', async () => {
    const { user } = await render({ members: ['bob'] });
    await screen.findByText('0 of 99 admins (the owner and the admins are at most 100).');
    const field = screen.getByRole('textbox', { name: 'Member’s username' });
    // zed is not in the group (yet): the service refuses.
    await user.type(field, 'zed');
    await user.click(screen.getByRole('button', { name: 'Make admin' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(`user: zed doesn't exist in group: ${group}`);
    expect(field).toHaveValue('zed');
    expect(changes().map((c) => [c.method, c.path, c.body])).toEqual([['POST', `chatgroups/${group}/admin`, { newadmin: 'zed' }]]);

    await host().arrange('POST', '/users', { username: 'zed', password: 'pw-zed' });
    await host().arrange('POST', `/chatgroups/${group}/users/zed`);
    await user.click(screen.getByRole('button', { name: 'Make admin' }));
    await vi.waitFor(() => expect(field).toHaveValue(''));
    expect((await readGroup(host(), group)).admins).toEqual(['zed']);
  });

  it('demotes after a confirmation', async () => {
    const { user } = await render({ members: ['bob'], admins: ['bob'] });
    await user.click(await screen.findByRole('button', { name: 'Remove admin role: bob' }));
    const dialog = await screen.findByRole('dialog', { name: 'Make bob a plain member?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove admin role' }));
    await vi.waitFor(() => expect(changes().map((c) => `${c.method} ${c.path}`)).toEqual([`DELETE chatgroups/${group}/admin/bob`]));
    const after = await readGroup(host(), group);
    expect([after.admins, after.members]).toEqual([[], ['grace', 'bob']]);
  });

  it('transfers ownership only after the group ID is typed, and says the old owner stays a member', async () => {
    const { user } = await render({ members: ['dave'] });
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
    await user.type(within(dialog).getByRole('textbox', { name: `Type ${group} to confirm` }), group);
    await user.click(confirm);
    await vi.waitFor(() => expect(changes().map((c) => [c.method, c.path, c.body])).toEqual([['PUT', `chatgroups/${group}`, { newowner: 'dave' }]]));
    const after = await readGroup(host(), group);
    expect([after.owner, after.members]).toEqual(['dave', ['dave', 'grace']]);
  });
});
