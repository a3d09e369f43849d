import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { arrangeGroup, readGroup, type GroupSetup } from '@/testing/im-arrange';
import { imHostPerTest } from '@/testing/im-host';
import { renderWithProviders } from '@/testing/render';
import GroupMembersModerate, { type ModerationKind } from './group-members-moderate';

// The dialog against a small group on the emulator: the calls go out as they would to the IM API,
// and the group's state afterwards, read back from the emulator, is what is checked.
const HOUR = 3_600_000;
const host = imHostPerTest();
let group = '';

/** Hikers, owned by olivia. */
const serve = async (setup: Omit<GroupSetup, 'owner' | 'name'>) => {
  group = await arrangeGroup(host(), { name: 'Hikers', owner: 'olivia', ...setup });
};
const state = () => readGroup(host(), group);

const render = (kind: ModerationKind, selected: string[], onFinished = vi.fn()) =>
  renderWithProviders(
    <GroupMembersModerate app="demo" groupId={group} groupName="Hikers" owner="olivia" kind={kind} selected={selected} onClose={() => {}} onFinished={onFinished} />,
    { imHost: host() },
  );
const changes = () => host().calls.filter((c) => c.method !== 'GET' && !c.path.endsWith('/get'));

describe('GroupMembersModerate', () => {
  it('mutes the selection plus pasted names for the duration chosen in the dialog, and Undo gives back each one’s earlier state', async () => {
    await serve({ members: ['ann', 'bo', 'cy', 'dee'], mutes: { cy: 5 * HOUR } });
    const earlier = (await state()).mutes.get('cy')!;
    const onFinished = vi.fn();
    const { user } = render('mute', ['ann', 'bo'], onFinished);
    const dialog = screen.getByRole('dialog', { name: 'Mute members of Hikers' });
    expect(within(dialog).getByText('2 selected rows')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('textbox', { name: /More names/ }));
    await user.paste('cy dee olivia');
    expect(within(dialog).getByText('4 names will be sent in 1 call of at most 60')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: '1 hour' }));
    await user.click(within(dialog).getByRole('button', { name: 'Mute' }));
    await within(dialog).findByText('4 succeeded, 0 failed, 0 skipped');
    expect(changes()[0]!.body).toEqual({ usernames: ['ann', 'bo', 'cy', 'dee'], mute_duration: HOUR });
    expect([...(await state()).mutes.keys()].sort()).toEqual(['ann', 'bo', 'cy', 'dee']);
    expect(onFinished).toHaveBeenCalledOnce();

    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    await within(dialog).findByText('Result of the undo');
    expect(within(dialog).getByText('4 succeeded, 0 failed, 0 skipped')).toBeInTheDocument();
    // cy was muted for 5 hours before: that mute is back, not lifted.
    const after = await state();
    expect([...after.mutes.keys()]).toEqual(['cy']);
    expect(Math.abs(after.mutes.get('cy')! - earlier)).toBeLessThan(2_000);
    expect(within(dialog).getByRole('row', { name: /cy Succeeded Muted again as before this run \(\d+ h \d+ min left\)/ })).toBeInTheDocument();
  });

  it('removes three chosen members after one confirmation that lists what they lose, and Undo puts it all back', async () => {
    await serve({
      members: ['ann', 'bo', 'cy', 'dee'],
      admins: ['ann'],
      whitelist: ['ann'],
      mutes: { ann: 2 * HOUR, bo: -1 },
      attributes: { ann: { nickname: 'Annie', role: 'lead' } },
    });
    const until = (await state()).mutes.get('ann')!;
    const { user } = render('remove', ['ann', 'bo', 'cy']);
    const dialog = screen.getByRole('dialog', { name: 'Remove members from Hikers' });
    // Opened on the confirmation, which lists the losses and asks nothing typed.
    expect(within(dialog).getByText('Remove 3 members from Hikers. Undo puts them back with what they had.')).toBeInTheDocument();
    expect(await within(dialog).findByText('What they lose in this group:')).toBeInTheDocument();
    expect(within(dialog).getByText('Admin role (1): ann')).toBeInTheDocument();
    expect(within(dialog).getByText('Whitelist entry (1): ann')).toBeInTheDocument();
    expect(within(dialog).getByText(/^Mute \(2\): ann \(\d h \d+ min left\), bo \(Permanent\)$/)).toBeInTheDocument();
    expect(within(dialog).getByText('Attributes (1 member): ann: nickname, role')).toBeInTheDocument();
    expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await within(dialog).findByText('3 succeeded, 0 failed, 0 skipped');
    const removed = await state();
    expect(removed.members).toEqual(['olivia', 'dee']);
    expect([removed.admins, removed.whitelist, [...removed.mutes], [...removed.attributes]]).toEqual([[], [], [], []]);

    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    await within(dialog).findByText('Result of the undo');
    expect(within(dialog).getByText('3 succeeded, 0 failed, 0 skipped')).toBeInTheDocument();
    const back = await state();
    expect([...back.members].sort()).toEqual(['ann', 'bo', 'cy', 'dee', 'olivia']);
    expect(back.admins).toEqual(['ann']);
    expect(back.whitelist).toEqual(['ann']);
    expect(Math.abs(back.mutes.get('ann')! - until)).toBeLessThan(2_000);
    expect(back.mutes.get('bo')).toBe(-1);
    expect(back.attributes.get('ann')).toEqual({ nickname: 'Annie', role: 'lead' });
    expect(within(dialog).getByRole('row', { name: /ann Succeeded Back in the group with: admin role, whitelist entry, mute \(.+\), and 2 attributes\./ })).toBeInTheDocument();
    expect(within(dialog).getByRole('row', { name: /cy Succeeded Back in the group\./ })).toBeInTheDocument();
  });

  it('says exactly what an undo could not put back, and why', async () => {
    await serve({ members: ['ann'], admins: ['ann'] });
    const { user } = render('remove', ['ann']);
    const dialog = screen.getByRole('dialog', { name: 'Remove members from Hikers' });
    await within(dialog).findByText('Admin role (1): ann');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await within(dialog).findByText('1 succeeded, 0 failed, 0 skipped');
    // Meanwhile someone let ann back in and blocked her (only members can be): she cannot come back.
    await host().arrange('POST', `/chatgroups/${group}/users/ann`);
    await host().arrange('POST', `/chatgroups/${group}/blocks/users/ann`);
    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    await within(dialog).findByText('Result of the undo');
    expect(within(dialog).getByRole('row', { name: /ann Failed Not back in the group: .*user: ann is in the blacklist.*Nothing else was put back\./ })).toBeInTheDocument();
    const after = await state();
    expect([after.members, after.admins, after.blocked]).toEqual([['olivia'], [], ['ann']]);
  });

  it('asks for the group ID before removing more than 20 members', async () => {
    await serve({ members: Array.from({ length: 21 }, (_, i) => `m${i}`) });
    render('remove', Array.from({ length: 21 }, (_, i) => `m${i}`));
    const dialog = screen.getByRole('dialog', { name: 'Remove members from Hikers' });
    expect(within(dialog).getByRole('textbox', { name: `Type ${group} to confirm` })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Remove' })).toBeDisabled();
  });

  it('blocks, and its Undo unblocks and puts the members back with their roles', async () => {
    await serve({ members: ['ann', 'bo'], admins: ['bo'] });
    const { user } = render('block', ['bo']);
    const dialog = screen.getByRole('dialog', { name: 'Block members of Hikers' });
    await within(dialog).findByText('Admin role (1): bo');
    await user.click(within(dialog).getByRole('button', { name: 'Block' }));
    await within(dialog).findByText('1 succeeded, 0 failed, 0 skipped');
    const blocked = await state();
    expect([blocked.blocked, blocked.members, blocked.admins]).toEqual([['bo'], ['olivia', 'ann'], []]);
    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    await within(dialog).findByText('Result of the undo');
    const back = await state();
    expect([back.blocked, back.members, back.admins]).toEqual([[], ['olivia', 'ann', 'bo'], ['bo']]);
  });

  it('refuses more admins than the 99-admin limit allows, before sending', async () => {
    const admins = Array.from({ length: 97 }, (_, i) => `a${i}`);
    await serve({ members: ['ann', 'bo', 'a97', ...admins], admins });
    render('admin', ['ann', 'bo', 'a97']);
    const dialog = screen.getByRole('dialog', { name: 'Make members admins of Hikers' });
    expect(await within(dialog).findByText('A group has at most 99 admins and this one has 97: at most 2 more, not 3.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Make admin' })).toBeDisabled();
    expect(changes()).toEqual([]);
  });

  it('makes admins one call each, and Undo demotes them', async () => {
    await serve({ members: ['ann', 'bo'] });
    const { user } = render('admin', ['ann', 'bo']);
    const dialog = screen.getByRole('dialog', { name: 'Make members admins of Hikers' });
    expect(within(dialog).getByText('Make 2 members admins of Hikers. Admins manage the blacklist, whitelist and mutes.')).toBeInTheDocument();
    expect(within(dialog).getByText('The owner, olivia, cannot also be an admin and is left out if listed.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Make admin' }));
    await within(dialog).findByText('2 succeeded, 0 failed, 0 skipped');
    expect(changes().map((c) => c.body)).toEqual([{ newadmin: 'ann' }, { newadmin: 'bo' }]);
    expect((await state()).admins).toEqual(['ann', 'bo']);
    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    await within(dialog).findByText('Result of the undo');
    expect((await state()).admins).toEqual([]);
  });

  it('whitelists, and Undo leaves on the whitelist whoever was there before', async () => {
    await serve({ members: ['ann', 'bo'], whitelist: ['bo'] });
    const { user } = render('whitelist', ['ann', 'bo']);
    const dialog = screen.getByRole('dialog', { name: 'Add to the whitelist of Hikers' });
    await user.click(within(dialog).getByRole('button', { name: 'Whitelist' }));
    await within(dialog).findByText('2 succeeded, 0 failed, 0 skipped');
    expect((await state()).whitelist).toEqual(['bo', 'ann']);
    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    await within(dialog).findByText('Result of the undo');
    expect((await state()).whitelist).toEqual(['bo']);
    expect(within(dialog).getByRole('row', { name: /bo Succeeded Was on the whitelist before this run: left on it\./ })).toBeInTheDocument();
  });
});
