import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { arrangeGroup, readGroup } from '@/testing/im-arrange';
import { imHostPerTest } from '@/testing/im-host';
import { renderWithProviders } from '@/testing/render';
import { GroupBlacklistTable } from './group-blacklist-table';

// Hikers: olivia owns it, bob and carol are blocked, dave is an admin with an attribute.
let group = '';
const host = imHostPerTest({}, async (h) => {
  group = await arrangeGroup(h, {
    name: 'Hikers',
    owner: 'olivia',
    members: ['dave', 'erin'],
    admins: ['dave'],
    attributes: { dave: { nickname: 'D' } },
    blocked: ['bob', 'carol'],
  });
});
const render = () =>
  renderWithProviders(<GroupBlacklistTable app="demo" groupId={group} groupName="Hikers" />, {
    imHost: host(),
  });

describe('GroupBlacklistTable', () => {
  it('unblocks the selection in one call with the names joined by %2C; Undo adds them back and blocks them again', async () => {
    const { user } = render();
    await screen.findByRole('link', { name: 'bob' });
    const table = screen.getByRole('table', { name: 'Blacklist of Hikers' });
    await user.click(within(table).getByRole('checkbox', { name: 'Select bob' }));
    await user.click(within(table).getByRole('checkbox', { name: 'Select carol' }));
    await user.click(screen.getByRole('button', { name: 'Unblock 2 selected' }));
    const dialog = await screen.findByRole('dialog', { name: 'Unblock users of Hikers' }, { timeout: 5000 });
    expect(within(dialog).getByText('Unblocked users may join again but are not added back to the group.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Review' }));
    await user.click(within(dialog).getByRole('button', { name: 'Unblock' }));
    await within(dialog).findByText('2 succeeded, 0 failed, 0 skipped');
    expect(host().callsTo('DELETE').map((c) => c.path)).toEqual([`chatgroups/${group}/blocks/users/bob%2Ccarol`]);
    expect((await readGroup(host(), group)).blocked).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    expect(within(dialog).getByText(/Block again the 2 users this run unblocked/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Block' }));
    await within(dialog).findByText('Result of the undo');
    expect(host().callsTo('POST').map((c) => [c.path, c.body])).toEqual([
      [`chatgroups/${group}/users`, { usernames: ['bob', 'carol'] }],
      [`chatgroups/${group}/blocks/users`, { usernames: ['bob', 'carol'] }],
    ]);
    const after = await readGroup(host(), group);
    expect(after.blocked).toEqual(['bob', 'carol']);
    expect(after.members).toEqual(['olivia', 'dave', 'erin']);
  });

  it('never sends the owner when blocking pasted names, and lists what the block takes away', async () => {
    const { user } = render();
    await screen.findByRole('table', { name: 'Blacklist of Hikers' });
    await user.click(screen.getByRole('button', { name: 'Block members…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Block members of Hikers' }, { timeout: 5000 });
    await user.type(within(dialog).getByRole('textbox', { name: 'Names' }), 'olivia dave');
    expect(within(dialog).getByText(/1 name will be sent/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Review' }));
    expect(within(dialog).getByText(/Block 1 member of Hikers: they leave the group/)).toBeInTheDocument();
    expect(await within(dialog).findByText('Admin role (1): dave')).toBeInTheDocument();
    expect(within(dialog).getByText('Attributes (1 member): dave: nickname')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Block' }));
    await within(dialog).findByText('1 succeeded, 0 failed, 0 skipped');
    expect(host().callsTo('POST', `chatgroups/${group}/blocks/users`).map((c) => c.body)).toEqual([{ usernames: ['dave'] }]);
    expect(within(dialog).getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    const after = await readGroup(host(), group);
    expect(after.blocked).toEqual(['bob', 'carol', 'dave']);
    expect(after.members).toEqual(['olivia', 'erin']);
    expect(after.admins).toEqual([]);
  });
});
