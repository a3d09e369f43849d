import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { arrangeGroup, readGroup } from '@/testing/im-arrange';
import { imHostPerTest } from '@/testing/im-host';
import { renderWithProviders } from '@/testing/render';
import { GroupMutesTable } from './group-mutes-table';

const host = imHostPerTest();
let group = '';

/** Hikers, owned by olivia, with bob, carol and dave, and the given mutes (ms from now, -1 for ever). */
async function render(mutes: Record<string, number>) {
  group = await arrangeGroup(host(), { name: 'Hikers', owner: 'olivia', members: ['bob', 'carol', 'dave'], mutes });
  return renderWithProviders(<GroupMutesTable app="demo" groupId={group} groupName="Hikers" />, {
    imHost: host(),
  });
}
const muted = async () => [...(await readGroup(host(), group)).mutes.keys()];

describe('GroupMutesTable', () => {
  it('lists each mute with its time left, permanent ones marked', async () => {
    await render({ bob: 90 * 60_000, carol: -1 });
    await screen.findByRole('link', { name: 'bob' });
    const table = screen.getByRole('table', { name: 'Muted members of Hikers' });
    const bob = within(table).getByRole('row', { name: /bob/ });
    expect(bob).toHaveTextContent(/1 h (29|30) min left/);
    expect(within(bob).getByRole('link', { name: 'bob' })).toHaveAttribute('href', '/demo/users/bob');
    expect(within(table).getByRole('row', { name: /carol/ })).toHaveTextContent('PermanentUntil unmuted');
  });

  it('mutes pasted names for a duration chosen in the dialog, without the owner, and Undo unmutes exactly those muted', async () => {
    const { user } = await render({});
    await screen.findByText('Nobody is muted one by one');
    await user.click(screen.getByRole('button', { name: 'Mute members…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mute members of Hikers' }, { timeout: 5000 });
    expect(within(dialog).getByText('The owner, olivia, cannot be muted and is left out if listed.')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /Names/ }), 'olivia, bob, dave');
    expect(within(dialog).getByText(/2 names will be sent/)).toBeInTheDocument();
    // No duration yet: nothing can start.
    expect(within(dialog).getByText('Choose how long the mute lasts.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Mute' })).toBeDisabled();
    await user.click(within(dialog).getByRole('radio', { name: '7 days' }));
    // The dialog itself is the confirmation: it says what will happen.
    expect(within(dialog).getByText(/Mute 2 members of Hikers for 7 days\./)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Mute' }));
    await within(dialog).findByText('2 succeeded, 0 failed, 0 skipped');
    expect(host().callsTo('POST').map((c) => c.body)).toEqual([{ usernames: ['bob', 'dave'], mute_duration: 7 * 24 * 3_600_000 }]);
    expect(await muted()).toEqual(['bob', 'dave']);

    // Undo puts back what was there (neither was muted): one click, its own report.
    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    await within(dialog).findByText('Result of the undo');
    expect(host().callsTo('DELETE').map((c) => c.path)).toEqual([`chatgroups/${group}/mute/bob,dave`]);
    expect(await muted()).toEqual([]);
  });

  it('reports a name that was not muted in its own words', async () => {
    const { user } = await render({ bob: 3_600_000 });
    await screen.findByRole('link', { name: 'bob' });
    await user.click(screen.getByRole('button', { name: 'Unmute members…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Unmute members of Hikers' }, { timeout: 5000 });
    await user.type(within(dialog).getByRole('textbox', { name: 'Names' }), 'bob ghost');
    await user.click(within(dialog).getByRole('button', { name: 'Review' }));
    await user.click(within(dialog).getByRole('button', { name: 'Unmute' }));
    await within(dialog).findByText('1 succeeded, 1 failed, 0 skipped');
    await waitFor(() => expect(within(dialog).getByRole('row', { name: /ghost/ })).toHaveTextContent('Was not muted.'));
    expect(await muted()).toEqual([]);
  });
});
