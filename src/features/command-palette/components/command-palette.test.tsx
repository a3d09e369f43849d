import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@contract/roles';
import { setSessionState } from '@/lib/session/session-store';
import { renderWithProviders } from '@/testing/render';
import type { PaletteSources, PaletteUser } from '../palette-model';
import { PaletteLauncher } from './palette-launcher';

const USERS: PaletteUser[] = [
  { username: 'alice', nickname: 'Alice 爱丽丝', activated: true },
  { username: 'alice2', nickname: 'Alice Two', activated: true },
  { username: 'mallory', nickname: 'Mallory', activated: false },
];
const GROUPS = [
  { id: '180000000104729', name: '全员大群 All Hands' },
  { id: '180000000100001', name: 'Weekend Hikers' },
];

/** The index, the API's exact lookups and the group listing, in memory. */
function fakeSources(overrides: Partial<PaletteSources> = {}): PaletteSources {
  return {
    searchUsers: vi.fn(async (text: string) => {
      const q = text.toLowerCase();
      return { users: USERS.filter((u) => u.username.includes(q) || (u.nickname ?? '').toLowerCase().includes(q)), more: false, index: 'complete' as const };
    }),
    findUser: vi.fn(async (name: string) => USERS.find((u) => u.username === name)),
    findGroup: vi.fn(async (id: string) => GROUPS.find((g) => g.id === id)),
    listGroups: vi.fn(async () => ({ groups: GROUPS })),
    ...overrides,
  };
}

const signIn = (role: Role) => setSessionState({ status: 'signed-in', username: `op-${role}`, role, csrfToken: 't' });
afterEach(() => setSessionState({ status: 'checking' }));

async function openWithCtrlK(options: { sources?: PaletteSources; language?: 'en' | 'zh-CN' } = {}) {
  const onNavigate = vi.fn();
  const sources = options.sources ?? fakeSources();
  const view = renderWithProviders(<PaletteLauncher app="demo" sources={sources} onNavigate={onNavigate} />, { language: options.language });
  await view.user.keyboard('{Control>}k{/Control}');
  const dialog = await screen.findByRole('dialog', { name: options.language === 'zh-CN' ? '前往或操作' : 'Go to or do' });
  const box = within(dialog).getByRole('combobox');
  await waitFor(() => expect(box).toHaveFocus());
  return { ...view, onNavigate, sources, dialog, box };
}

const option = (name: string | RegExp) => screen.findByRole('option', { name });

describe('the command palette', () => {
  it('opens on Ctrl+K with the search focused; Ctrl+K again or Escape closes it', async () => {
    setSessionState({ status: 'open' });
    const { user, box } = await openWithCtrlK();
    expect(box).toHaveAccessibleName('Users, groups, pages and actions');
    // With nothing typed: the pages and what can be done.
    expect(await option(/^Relationship check/)).toBeInTheDocument();
    expect(screen.getByRole('option', { name: /^Ban a user…/ })).toBeInTheDocument();
    await user.keyboard('{Control>}k{/Control}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.keyboard('{Control>}k{/Control}');
    await waitFor(() => expect(screen.getByRole('combobox')).toHaveFocus());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Go to a user, group, page or action' })).toBeInTheDocument();
  });

  it('finds users by part of a name (the index), a group by name or ID, and pages', async () => {
    setSessionState({ status: 'open' });
    const { user, box, sources } = await openWithCtrlK();

    await user.type(box, '爱丽丝');
    expect(await option(/^alice, Alice 爱丽丝/)).toBeInTheDocument();
    expect(sources.searchUsers).toHaveBeenCalledWith('爱丽丝');

    await user.clear(box);
    await user.type(box, 'hands');
    const group = await option(/^全员大群 All Hands/);
    expect(within(screen.getByRole('group', { name: 'Groups' })).getByRole('option')).toBe(group);

    await user.clear(box);
    await user.type(box, '180000000100001');
    const exact = await screen.findByRole('group', { name: 'Exact match' });
    expect(within(exact).getByRole('option', { name: /^Weekend Hikers/ })).toBeInTheDocument();

    await user.clear(box);
    await user.type(box, 'audit');
    expect(await option(/^Audit log/)).toBeInTheDocument();
    const status = await screen.findByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('1 result'));
  });

  it('opens the first result with Enter, even when Enter comes before the lookups answered', async () => {
    setSessionState({ status: 'open' });
    const { user, box, onNavigate } = await openWithCtrlK();
    await user.type(box, 'hands{Enter}');
    await waitFor(() => expect(onNavigate).toHaveBeenCalledWith({ kind: 'group', groupId: '180000000104729' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('moves with the arrow keys, says which option is active, and Enter opens that one', async () => {
    setSessionState({ status: 'open' });
    const { user, box, onNavigate } = await openWithCtrlK();
    await user.type(box, 'alice');
    await option(/^alice2/);
    const first = screen.getAllByRole('option')[0]!;
    expect(first).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', first.id);
    await user.keyboard('{ArrowDown}');
    const second = screen.getAllByRole('option')[1]!;
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', second.id);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onNavigate).toHaveBeenCalledWith({ kind: 'user', username: 'alice2' }));
  });

  it('leads "ban <user>" to its confirmation, and offers unban for a banned user instead', async () => {
    signIn('support');
    const { user, box, onNavigate } = await openWithCtrlK();
    await user.type(box, 'ban ali');
    expect(await option(/^Ban alice, Alice 爱丽丝/)).toBeInTheDocument();
    expect(await option(/^Ban alice2/)).toBeInTheDocument();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onNavigate).toHaveBeenCalledWith({ kind: 'user-action', action: 'ban', username: 'alice' }));

    await user.keyboard('{Control>}k{/Control}');
    const again = await screen.findByRole('combobox');
    await user.type(again, 'mallory');
    expect(await option(/^Unban mallory/)).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /^Ban mallory/ })).not.toBeInTheDocument();
    // A banned user is offline already.
    expect(screen.queryByRole('option', { name: /^Force mallory offline/ })).not.toBeInTheDocument();
    await user.clear(again);
    await user.type(again, 'ban mallory');
    await screen.findByText('Nothing matches “ban mallory”.');
  });

  it('builds "mute <user> in <group>" step by step and leads to the group’s mutes', async () => {
    signIn('moderator');
    const { user, box, onNavigate } = await openWithCtrlK();
    await user.type(box, 'mute alice');
    await user.click(await option(/^Mute alice in a group…/));
    expect(box).toHaveValue('mute alice in ');
    await user.type(box, 'hands');
    expect(await option(/^Mute alice in 全员大群 All Hands/)).toBeInTheDocument();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onNavigate).toHaveBeenCalledWith({ kind: 'group-mute', groupId: '180000000104729', username: 'alice' }));
  });

  it('offers a viewer no changes and no admin pages', async () => {
    signIn('viewer');
    const { user, box } = await openWithCtrlK();
    expect(await option(/^Users/)).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /^Register users/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /^Audit log/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Actions' })).not.toBeInTheDocument();

    await user.type(box, 'alice');
    expect(await option(/^alice, Alice 爱丽丝/)).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /^(Ban|Force|Mute)/ })).not.toBeInTheDocument();
    await user.clear(box);
    await user.type(box, 'ban alice');
    await screen.findByText('Nothing matches “ban alice”.');
    await user.clear(box);
    await user.type(box, 'mute alice in hands');
    await screen.findByText('Nothing matches “mute alice in hands”.');
  });

  it('gives support user actions but not group moderation, and a moderator the reverse', async () => {
    signIn('support');
    const support = await openWithCtrlK();
    await support.user.type(support.box, 'alice');
    expect(await option(/^Ban alice/)).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /^Mute alice/ })).not.toBeInTheDocument();
    support.unmount();

    act(() => signIn('moderator'));
    const moderator = await openWithCtrlK();
    await moderator.user.type(moderator.box, 'alice');
    expect(await option(/^Mute alice in a group…/)).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /^Ban alice/ })).not.toBeInTheDocument();
  });

  it('says when the index is still being built, and why a lookup failed', async () => {
    setSessionState({ status: 'open' });
    const sources = fakeSources({
      searchUsers: async () => ({ users: [], more: false, index: 'building' }),
      findUser: () => Promise.reject(new Error('host down')),
    });
    const { user, box } = await openWithCtrlK({ sources });
    await user.type(box, 'bob');
    const status = await screen.findByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('The user index is still being built'));
    expect(status).toHaveTextContent('host down');
  });

  it('speaks Chinese and understands Chinese commands', async () => {
    signIn('support');
    const { user, box, onNavigate } = await openWithCtrlK({ language: 'zh-CN' });
    expect(box).toHaveAccessibleName('用户、群组、页面和操作');
    await user.type(box, '封禁 alice');
    expect(await option(/^封禁 alice, Alice 爱丽丝/)).toBeInTheDocument();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onNavigate).toHaveBeenCalledWith({ kind: 'user-action', action: 'ban', username: 'alice' }));
  });

  it('opens from the header box by click, and a letter typed on it starts the search', async () => {
    setSessionState({ status: 'open' });
    const onNavigate = vi.fn();
    const { user } = renderWithProviders(<PaletteLauncher app="demo" sources={fakeSources()} onNavigate={onNavigate} />);
    const trigger = screen.getByRole('button', { name: 'Go to a user, group, page or action' });
    expect(trigger).toHaveAttribute('aria-keyshortcuts', 'Control+K Meta+K');
    // Focus loads the palette; a key typed at once (before it is there) is not lost.
    act(() => trigger.focus());
    await user.keyboard('a');
    const box = await screen.findByRole('combobox');
    await waitFor(() => expect(box).toHaveValue('a'));
  });
});
