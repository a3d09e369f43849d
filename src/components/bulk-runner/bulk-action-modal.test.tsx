import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client/api-error';
import type { ItemOutcome } from '@/lib/bulk/run-bulk';
import { renderWithProviders } from '@/testing/render';
import { BulkActionModal, type BulkActionModalProps } from './bulk-action-modal';

const base = {
  opened: true,
  onClose: () => {},
  title: 'Mute members',
  chunkSize: 2,
  rate: 100,
  concurrency: 1,
  describe: (n: number) => `Mute ${n} members of group 42 for 1 hour`,
  confirmLabel: 'Mute',
};

describe('BulkActionModal', () => {
  it('flags duplicates and invalid names before sending, and counts the calls', async () => {
    const run = vi.fn();
    const { user } = renderWithProviders(<BulkActionModal {...base} run={run} />);
    await user.click(screen.getByRole('textbox', { name: /Names/ }));
    await user.paste(`alice, bob\nALICE\nx/y\n${'z'.repeat(65)}\ncarol`);
    expect(screen.getByText('3 names will be sent in 2 calls of at most 2')).toBeInTheDocument();
    expect(screen.getByText('Given more than once (sent once): alice')).toBeInTheDocument();
    expect(screen.getByText('x/y: only a–z, 0–9, “_”, “-” and “.” are allowed')).toBeInTheDocument();
    expect(screen.getByText(`${'z'.repeat(65)}: longer than 64 characters`)).toBeInTheDocument();
    expect(run).not.toHaveBeenCalled();
  });

  it('will not go on with nothing valid', async () => {
    const { user } = renderWithProviders(<BulkActionModal {...base} run={vi.fn()} />, { language: 'zh-CN' });
    await user.type(screen.getByRole('textbox', { name: /名称/ }), '张三');
    expect(screen.getByText('没有可发送的有效名称。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '确认内容' })).toBeDisabled();
  });

  it('confirms in words, runs in chunks, and reports each failure with its reason; retry sends only the failed', async () => {
    const refused = new ApiError({ kind: 'http', status: 403, error: 'forbidden_op', description: 'users [erin] are not members of this group!', call: 'POST /x' });
    const failing = new Set(['bob']);
    let refuseErin = true;
    const run = vi.fn(async (chunk: string[]): Promise<ItemOutcome<string>[] | void> => {
      if (refuseErin && chunk.includes('erin')) throw refused;
      return chunk.filter((n) => failing.has(n)).map((item) => ({ item, ok: false, reason: 'forbidden operation on group owner!' }));
    });
    const onFinished = vi.fn();
    const { user } = renderWithProviders(<BulkActionModal {...base} run={run} onFinished={onFinished} />);
    await user.click(screen.getByRole('textbox', { name: /Names/ }));
    await user.paste('alice bob carol dave erin');
    await user.click(screen.getByRole('button', { name: 'Review' }));
    expect(screen.getByText('Mute 5 members of group 42 for 1 hour')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Mute' }));

    expect(await screen.findByText('3 succeeded, 2 failed, 0 skipped', { selector: 'p' })).toBeInTheDocument();
    expect(run.mock.calls.map((c) => c[0])).toEqual([['alice', 'bob'], ['carol', 'dave'], ['erin']]);
    expect(onFinished).toHaveBeenCalledOnce();
    const table = screen.getByRole('table');
    expect(within(table).getByRole('row', { name: /bob Failed forbidden operation on group owner!/ })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /erin Failed users \[erin\] are not members of this group! \(403 forbidden_op\)/ })).toBeInTheDocument();

    failing.clear();
    refuseErin = false;
    await user.click(screen.getByRole('button', { name: 'Retry failed' }));
    expect(await screen.findByText('5 succeeded, 0 failed, 0 skipped', { selector: 'p' })).toBeInTheDocument();
    expect(run.mock.calls.slice(3).map((c) => c[0])).toEqual([['bob', 'erin']]);
    expect(onFinished).toHaveBeenCalledTimes(2);
  });

  it('cancels: the call in flight finishes, the rest is reported as skipped', async () => {
    let release!: () => void;
    const run = vi.fn((chunk: string[]) => (chunk[0] === 'a' ? new Promise<void>((r) => (release = r)) : Promise.resolve()));
    const { user } = renderWithProviders(<BulkActionModal {...base} initialItems={['a', 'b', 'c', 'd', 'e']} run={run} />);
    expect(screen.getByText('5 selected rows')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Review' }));
    await user.click(screen.getByRole('button', { name: 'Mute' }));
    expect(screen.getByRole('progressbar', { name: 'Progress' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel the rest' }));
    release();
    expect(await screen.findByText('2 succeeded, 0 failed, 3 skipped', { selector: 'p' })).toBeInTheDocument();
    await waitFor(() => expect(run).toHaveBeenCalledOnce());
    await user.click(screen.getByRole('radio', { name: /Skipped 3/ }));
    expect(within(screen.getByRole('table')).getAllByText('Not sent: cancelled')).toHaveLength(3);
  });

  it('offers undo on the report for exactly the items that succeeded, confirms it, and reports it on its own', async () => {
    const run = vi.fn(async (chunk: string[]) => (chunk[0] === 'bob' ? [{ item: 'bob', ok: false, reason: 'no such user' }] : undefined));
    let daveBusy = true;
    const inverse = vi.fn(async (chunk: string[]) => (daveBusy && chunk[0] === 'dave' ? [{ item: 'dave', ok: false, reason: 'busy' }] : undefined));
    const onFinished = vi.fn();
    const { user } = renderWithProviders(
      <BulkActionModal
        {...base}
        chunkSize={1}
        title="Ban users"
        describe={(n) => `Ban ${n} users`}
        confirmLabel="Ban"
        initialItems={['alice', 'bob', 'carol', 'dave']}
        run={run}
        onFinished={onFinished}
        undo={{ label: 'Undo', describe: (n) => `Unban the ${n} users this run banned`, confirmLabel: 'Unban', run: inverse }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Review' }));
    await user.click(screen.getByRole('button', { name: 'Ban' }));
    expect(await screen.findByText('3 succeeded, 1 failed, 0 skipped', { selector: 'p' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByText('Unban the 3 users this run banned')).toBeInTheDocument();
    expect(inverse).not.toHaveBeenCalled();
    // Going back keeps the first report.
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByText('3 succeeded, 1 failed, 0 skipped', { selector: 'p' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await user.click(screen.getByRole('button', { name: 'Unban' }));

    expect(await screen.findByText('Result of the undo')).toBeInTheDocument();
    expect(screen.getByText('2 succeeded, 1 failed, 0 skipped', { selector: 'p' })).toBeInTheDocument();
    expect(inverse.mock.calls.map((c) => c[0])).toEqual([['alice'], ['carol'], ['dave']]);
    expect(within(screen.getByRole('table')).getByRole('row', { name: /dave Failed busy/ })).toBeInTheDocument();
    // The undo's own results go to onFinished (to invalidate once more); an undo cannot be undone.
    expect(onFinished).toHaveBeenCalledTimes(2);
    expect(onFinished.mock.calls[1]![0].map((r: { item: string }) => r.item)).toEqual(['alice', 'carol', 'dave']);
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();

    daveBusy = false;
    await user.click(screen.getByRole('button', { name: 'Retry failed' }));
    expect(await screen.findByText('3 succeeded, 0 failed, 0 skipped', { selector: 'p' })).toBeInTheDocument();
    expect(inverse.mock.calls.at(-1)![0]).toEqual(['dave']);
  });

  it('offers no undo when nothing succeeded', async () => {
    const { user } = renderWithProviders(
      <BulkActionModal
        {...base}
        initialItems={['bob']}
        run={async () => [{ item: 'bob', ok: false, reason: 'no such user' }]}
        undo={{ label: 'Undo', describe: (n) => `Unmute ${n}`, run: vi.fn() }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Review' }));
    await user.click(screen.getByRole('button', { name: 'Mute' }));
    expect(await screen.findByText('0 succeeded, 1 failed, 0 skipped', { selector: 'p' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });

  it('moves focus from step to step and gives it back to the button that opened the dialog', async () => {
    let release!: () => void;
    const run = vi.fn(() => new Promise<void>((r) => (release = r)));
    function Opener(props: Partial<BulkActionModalProps>) {
      const [opened, setOpened] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpened(true)}>
            Mute many
          </button>
          <BulkActionModal {...base} run={run} {...props} opened={opened} onClose={() => setOpened(false)} />
        </>
      );
    }
    const { user } = renderWithProviders(<Opener />);
    await user.click(screen.getByRole('button', { name: 'Mute many' }));
    const names = screen.getByRole('textbox', { name: /Names/ });
    await waitFor(() => expect(names).toHaveFocus());
    await user.paste('alice bob');
    await user.keyboard('{Tab}{Tab}{Enter}');
    // The confirmation: focus on the sentence that says what will happen, not on the button.
    await waitFor(() => expect(screen.getByText('Mute 2 members of group 42 for 1 hour')).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Mute' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveFocus());
    release();
    await waitFor(() => expect(screen.getByText('2 succeeded, 0 failed, 0 skipped', { selector: 'p' })).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Mute many' })).toHaveFocus());
  });
});
