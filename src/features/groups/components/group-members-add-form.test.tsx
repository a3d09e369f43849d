import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { arrangeGroup, readGroup } from '@/testing/im-arrange';
import { imHostPerTest, registerUsers, type TestImHost } from '@/testing/im-host';
import { renderWithProviders } from '@/testing/render';
import GroupMembersAddForm from './group-members-add-form';

// A cap of one group per user, so "joined too many groups" needs a single other group.
const host = imHostPerTest({ joinedGroupCap: 1 });

function render(group: string) {
  const onClose = vi.fn();
  const utils = renderWithProviders(<GroupMembersAddForm app="demo" groupId={group} groupName="Board Games" onClose={onClose} />, { imHost: host() });
  return { ...utils, onClose };
}

/** Each documented refusal, brought about on the emulator. */
const refusals: [string, (h: TestImHost) => Promise<string>, RegExp, string][] = [
  ['zoe is a member already', (h) => arrangeGroup(h, { owner: 'grace', members: ['zoe'] }), /^can not join this group, reason:user: zoe already in group: \d+$/, 'zoe is already a member of this group.'],
  [
    'zoe is in as many groups as allowed',
    async (h) => {
      await arrangeGroup(h, { owner: 'ivan', members: ['zoe'] });
      return arrangeGroup(h, { owner: 'grace' });
    },
    /^user zoe has joined too many groups!$/,
    'zoe has joined as many groups as the app allows',
  ],
  [
    'the group is full',
    async (h) => {
      await registerUsers(h, ['zoe']);
      return arrangeGroup(h, { owner: 'grace', members: ['bob'], maxusers: 2 });
    },
    /^members size is greater than max user size !$/,
    'The group is full',
  ],
  ['there is no zoe', (h) => arrangeGroup(h, { owner: 'grace' }), /^username zoe doesn't exist!$/, 'There is no user “zoe” in this app.'],
];

describe('GroupMembersAddForm', () => {
  it.each(refusals)('explains the refusal when %s, shows the API’s words, and keeps the name', async (_case, arrange, said, explained) => {
    const group = await arrange(host());
    const before = (await readGroup(host(), group)).members;
    const { user, onClose } = render(group);
    const field = screen.getByRole('textbox', { name: /^Username/ });
    await user.type(field, 'Zoe');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(explained);
    const description = (await host().call('POST', `/chatgroups/${group}/users/zoe`)).body.error_description.trim();
    expect(description).toMatch(said);
    expect(alert).toHaveTextContent(`The IM service said: ${description}`);
    expect(field).toHaveValue('Zoe');
    expect(onClose).not.toHaveBeenCalled();
    expect(host().calls.map((c) => `${c.method} ${c.path}`)).toEqual([`POST chatgroups/${group}/users/zoe`]);
    expect((await readGroup(host(), group)).members).toEqual(before);
  });

  it('refuses a malformed name without sending, and closes after a success', async () => {
    await registerUsers(host(), ['zoe']);
    const group = await arrangeGroup(host(), { owner: 'grace' });
    const { user, onClose } = render(group);
    const field = screen.getByRole('textbox', { name: /^Username/ });
    await user.type(field, 'zoe smith');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByText(/A username is 1–64 characters/)).toBeInTheDocument();
    expect(host().calls).toEqual([]);
    await user.clear(field);
    await user.type(field, 'zoe');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    expect((await readGroup(host(), group)).members).toEqual(['grace', 'zoe']);
  });
});
