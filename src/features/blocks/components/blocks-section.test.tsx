import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { registerUsers, imHostPerTest } from '@/testing/im-host';
import { renderWithProviders } from '@/testing/render';
import { BlocksSection } from './blocks-section';

const host = imHostPerTest();

/** bob has blocked `blocked` (in this order: the newest last). */
async function render(blocked: string[], friends: ReadonlySet<string> | undefined) {
  await registerUsers(host(), ['bob', ...blocked]);
  // One call adds at most what the list may hold; in pieces, so the order is kept.
  for (let i = 0; i < blocked.length; i += 100) await host().arrange('POST', '/users/bob/blocks/users', { usernames: blocked.slice(i, i + 100) });
  return renderWithProviders(
    <BlocksSection app="demo" owner="bob" search={{ limit: 2 }} onSearch={vi.fn()} friends={friends} />,
    { imHost: host() },
  );
}

describe('BlocksSection', () => {
  it('pages the blacklist with pageSize, and marks blocked users who are still friends', async () => {
    // The service lists the newest first: erin, dave, then carol on the next page.
    await render(['carol', 'dave', 'erin'], new Set(['dave']));
    // The skeleton table is replaced by the real one once rows arrive.
    await screen.findByRole('link', { name: 'erin' });
    const table = screen.getByRole('table', { name: 'Users bob has blocked' });
    expect(within(table).getByRole('row', { name: /dave/ })).toHaveTextContent('Still a friend');
    expect(within(table).getByRole('row', { name: /erin/ })).toHaveTextContent('Not a friend');
    expect(within(table).queryByRole('row', { name: /carol/ })).not.toBeInTheDocument();
    expect(await screen.findByText('bob has blocked 3 users (at most 500).')).toBeInTheDocument();
    const paged = host().callsTo('GET', 'users/bob/blocks/users').filter((c) => c.query.has('pageSize'));
    expect(paged.map((c) => c.query.get('pageSize'))).toEqual(['2']);
    expect(screen.getByRole('button', { name: 'Next page' })).toBeEnabled();
  });

  it('says "unknown" for the friendship while the friends are not known', async () => {
    await render(['carol'], undefined);
    await screen.findByRole('link', { name: 'carol' });
    const table = screen.getByRole('table', { name: 'Users bob has blocked' });
    expect(within(table).getByRole('row', { name: /carol/ })).toHaveTextContent('Unknown');
  });

  it('refuses a block over the cap of 500 before sending, and tells by how much', async () => {
    const current = Array.from({ length: 498 }, (_, i) => `u${i}`);
    const { user } = await render(current, new Set());
    await screen.findByText('bob has blocked 498 users (at most 500).');
    await user.click(screen.getByRole('button', { name: 'Block users…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Block users for bob' });
    const names = within(dialog).getByRole('textbox', { name: 'Usernames' });
    await user.click(names);
    await user.paste('x1 x2 x3 u1 bob');
    expect(within(dialog).getByText('3 new, 1 already blocked: the list will hold 501 of at most 500.')).toBeInTheDocument();
    expect(within(dialog).getByText('bob cannot block themselves: that name is left out.')).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Block 3 users' })).toBeDisabled());
    expect(within(dialog).getByText('bob has blocked 498 users; 3 more would make more than 500. Remove 1 name, or unblock some users first.')).toBeInTheDocument();
    expect(host().callsTo('POST')).toHaveLength(0);
    expect(host().emulator.db.prepare("SELECT COUNT(*) FROM user_blocks WHERE owner = 'bob'").pluck().get()).toBe(498);
  });
});
