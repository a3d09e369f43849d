import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { registerUsers, imHostPerTest, type TestImHost } from '@/testing/im-host';
import { renderWithProviders } from '@/testing/render';
import { FriendsSection } from './friends-section';
import type { FriendsSearch } from './friends-search';

/** frank and his friends (in this order), each with frank's remark for them or none. */
async function befriend(h: TestImHost, friends: [string, string | null][]) {
  await registerUsers(h, ['frank', ...friends.map(([name]) => name)]);
  if (friends.length > 0) await h.arrange('POST', '/users/frank/contacts/import', { usernames: friends.map(([name]) => name) });
  for (const [name, remark] of friends) if (remark) await h.arrange('PUT', `/user/frank/contacts/users/${name}`, { remark });
}
const remarkOf = (h: TestImHost, friend: string) =>
  h.emulator.db.prepare("SELECT remark FROM contacts WHERE owner = 'frank' AND friend = ?").pluck().get(friend);

function render(host: TestImHost, search: FriendsSearch = { limit: 20 }, language: 'en' | 'zh-CN' = 'en') {
  const onSearch = vi.fn();
  const utils = renderWithProviders(
    <FriendsSection app="demo" owner="frank" search={search} onSearch={onSearch} />,
    { language, imHost: host },
  );
  return { ...utils, onSearch };
}

describe('FriendsSection', () => {
  const host = imHostPerTest({}, (h) =>
    befriend(h, [
      ['grace', '同事'],
      ['heidi', null],
      ['gregory', null],
    ]),
  );

  it('lists a page with remarks through GET P/user/{u}/contacts, and moves on with the cursor', async () => {
    const { onSearch, user } = render(host(), { limit: 2 });
    // The skeleton table is replaced by the real one once rows arrive.
    await screen.findByRole('link', { name: 'grace' });
    const table = screen.getByRole('table', { name: 'Friends of frank' });
    const grace = within(table).getByRole('row', { name: /grace/ });
    expect(within(grace).getByRole('link', { name: 'grace' })).toHaveAttribute('href', '/demo/users/grace');
    expect(grace).toHaveTextContent('同事');
    expect(within(table).getByRole('row', { name: /heidi/ })).toHaveTextContent('No remark');
    expect(within(table).queryByRole('row', { name: /gregory/ })).not.toBeInTheDocument();
    const [list] = host().callsTo('GET', 'user/frank/contacts');
    expect(Object.fromEntries(list!.query)).toEqual({ limit: '2', needReturnRemark: 'true' });
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(onSearch).toHaveBeenCalledWith({ limit: 2, cursor: expect.any(String), prev: [''] });
    // The cursor handed on is the emulator's own: it leads to the next page.
    const next = await host().arrange('GET', `/user/frank/contacts?limit=2&cursor=${onSearch.mock.calls[0]![0].cursor}`);
    expect(next.data.contacts.map((c: { username: string }) => c.username)).toEqual(['gregory']);
  });

  it('checks a remark’s length before sending, and sends a valid one to PUT P/user/{owner}/contacts/users/{friend}', async () => {
    const { user } = render(host());
    await user.click(await screen.findByRole('button', { name: 'Edit the remark for heidi' }));
    const field = screen.getByRole('textbox', { name: 'Remark for heidi' });
    expect(field).toHaveFocus();
    await user.click(field);
    await user.paste('备'.repeat(101));
    expect(screen.getByText('At most 100 characters: this remark has 101.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.clear(field);
    await user.type(field, '老乡{Enter}');
    await waitFor(() => expect(remarkOf(host(), 'heidi')).toBe('老乡'));
    expect(await screen.findByRole('row', { name: /heidi 老乡/ })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit the remark for heidi' })).toHaveFocus());
    expect(host().callsTo('PUT').map((c) => [c.path, c.body])).toEqual([['user/frank/contacts/users/heidi', { remark: '老乡' }]]);
  });

  it('shows every friend at once with a client-side filter, in Chinese too', async () => {
    const { user, onSearch } = render(host(), { limit: 20, view: 'all' }, 'zh-CN');
    expect(await screen.findByText('frank 有 3 个好友。')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'frank 的全部好友' });
    await user.type(screen.getByRole('searchbox', { name: '按用户名筛选' }), 'gr');
    await waitFor(() => expect(within(table).getAllByRole('link').map((a) => a.textContent)).toEqual(['grace', 'gregory']));
    expect(screen.getByText('3 个好友中有 2 个匹配。')).toBeInTheDocument();
    await waitFor(() => expect(onSearch).toHaveBeenCalledWith({ limit: 20, view: 'all', q: 'gr' }, { replace: true }));
    expect(host().callsTo('GET').map((c) => c.path)).toEqual(['users/frank/contacts/users']);
  });
});

describe('FriendsSection at the friend cap', () => {
  // A cap of 1: ivan already has his one friend, so frank cannot add him.
  const host = imHostPerTest({ friendCap: 1 }, async (h) => {
    await befriend(h, []);
    await registerUsers(h, ['ivan', 'judy']);
    await h.arrange('POST', '/users/ivan/contacts/users/judy');
  });

  it('explains the friend cap in words when adding fails with 403 exceed_limit, and keeps the name', async () => {
    const { user } = render(host());
    await screen.findByText('frank has no friends yet');
    const field = screen.getByRole('textbox', { name: 'Add a friend' });
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('Type the username of the new friend.')).toBeInTheDocument();
    await user.type(field, 'frank');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('A user cannot be their own friend.')).toBeInTheDocument();
    expect(host().callsTo('POST')).toEqual([]);

    await user.clear(field);
    await user.type(field, 'Ivan');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not add ivan');
    expect(alert).toHaveTextContent('100 on the free plan, 3,000 on paid plans');
    expect(alert).toHaveTextContent('user contact number exceed limit');
    expect(field).toHaveValue('Ivan');
    expect(host().callsTo('POST').map((c) => c.path)).toEqual(['users/frank/contacts/users/ivan']);
    expect(remarkOf(host(), 'ivan')).toBeUndefined();
  });
});
