import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { UserEntity } from '@/lib/api-client/schemas';
import { captureDownloads, type SavedFile } from '@/testing/downloads';
import { registerUsers, imHostPerTest } from '@/testing/im-host';
import { renderWithProviders } from '@/testing/render';
import { exportFileName, usersCsv } from './export-users-csv';
import { ExportUsersButton } from './export-users';

let saved: SavedFile[] = [];
beforeEach(() => {
  saved = captureDownloads();
});
const savedText = () => saved[0]!.blob.text();

// 101 users: two pages of the export's 100, in the order the emulator lists them (registration).
const NAMES = Array.from({ length: 101 }, (_, i) => `u${String(i).padStart(3, '0')}`);
const host = imHostPerTest({}, async (h) => {
  await registerUsers(h, NAMES);
});
const listCalls = () => host().callsTo('GET', 'users');

const T0 = Date.UTC(2024, 0, 2, 3, 4, 5);
const user = (username: string, extra: Partial<UserEntity> = {}): UserEntity => ({
  uuid: `uuid-${username}`,
  created: T0,
  modified: T0 + 1000,
  username,
  activated: true,
  ...extra,
});
const dataLines = (csv: string) => csv.replace(/^\ufeff/, '').split('\r\n').filter(Boolean).slice(1);

describe('usersCsv', () => {
  it('writes username, nickname, activated, ISO times and uuid, neutralising formulas', async () => {
    const csv = await usersCsv([user('alice', { nickname: '爱丽丝' }), user('-x', { nickname: '=cmd()', activated: false, modified: undefined })]);
    expect(csv).toBe(
      '\ufeffusername,nickname,activated,created,modified,uuid\r\n' +
        'alice,爱丽丝,true,2024-01-02T03:04:05.000Z,2024-01-02T03:04:06.000Z,uuid-alice\r\n' +
        `"'-x","'=cmd()",false,2024-01-02T03:04:05.000Z,,uuid--x\r\n`,
    );
  });

  it('names the file after the app and the local date', () => {
    expect(exportFileName('demo', new Date(2026, 10, 8))).toBe('users-demo-2026-11-08.csv');
    expect(exportFileName('a/b', new Date(2026, 0, 1), 'page')).toBe('users-a_b-2026-01-01-page.csv');
  });
});

describe('ExportUsersButton', () => {
  it('exports the rows in view without calling the API', async () => {
    const { user: ui } = renderWithProviders(<ExportUsersButton app="demo" rows={[user('alice'), user('bob')]} />, { imHost: host() });
    await ui.click(screen.getByRole('button', { name: 'Export 2 users (CSV)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toMatch(/^users-demo-\d{4}-\d{2}-\d{2}-page\.csv$/);
    expect(dataLines(await savedText())).toHaveLength(2);
    expect(host().calls).toEqual([]);
  });

  it('walks every page of users until there is no cursor, then saves them all', async () => {
    // One more page: 201 users in all.
    const more = await registerUsers(host(), Array.from({ length: 100 }, (_, i) => `v${String(i).padStart(3, '0')}`));
    const { user: ui } = renderWithProviders(<ExportUsersButton app="demo" rows={undefined} />, { imHost: host() });
    expect(screen.getByRole('button', { name: 'Export 0 users (CSV)' })).toBeDisabled();
    await ui.click(screen.getByRole('button', { name: 'Export all users (CSV)…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export all users' });
    await within(dialog).findByText(/^Exported 201 users to users-demo-/);
    const queries = listCalls().map((c) => Object.fromEntries(c.query));
    expect(queries).toEqual([{ limit: '100' }, { limit: '100', cursor: expect.any(String) }, { limit: '100', cursor: expect.any(String) }]);
    expect(queries[1]!.cursor).not.toBe(queries[2]!.cursor);
    expect(saved).toHaveLength(1);
    expect(dataLines(await savedText()).map((l) => l.split(',')[0])).toEqual([...NAMES, ...more]);
    await ui.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('after a failed page, offers to go on from there or to save what was fetched', async () => {
    host().emulator.faults.add({ status: 500, after: 1, method: 'GET', path: '/users' });
    const { user: ui } = renderWithProviders(<ExportUsersButton app="demo" rows={[]} />, { imHost: host() });
    await ui.click(screen.getByRole('button', { name: 'Export all users (CSV)…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export all users' });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Internal server error');
    expect(within(dialog).getByRole('button', { name: 'Save the 100 users fetched' })).toBeInTheDocument();
    expect(saved).toEqual([]);
    await ui.click(within(dialog).getByRole('button', { name: 'Try again from there' }));
    await within(dialog).findByText(/^Exported 101 users/);
    const cursors = listCalls().map((c) => c.query.get('cursor'));
    expect(cursors).toHaveLength(3);
    expect(cursors[0]).toBeNull();
    expect(cursors[2]).toBe(cursors[1]);
    expect(dataLines(await savedText()).map((l) => l.split(',')[0])).toEqual(NAMES);
  });

  it('cancel stops the walk and saves nothing', async () => {
    // The second page is slow to come: Cancel arrives while it is out.
    host().emulator.faults.add({ delayMs: 30_000, after: 1, method: 'GET', path: '/users' });
    const { user: ui } = renderWithProviders(<ExportUsersButton app="demo" rows={[]} />, { imHost: host() });
    await ui.click(screen.getByRole('button', { name: 'Export all users (CSV)…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export all users' });
    await within(dialog).findByText('Users so far: 100 · pages read: 1');
    await waitFor(() => expect(listCalls()).toHaveLength(2));
    await ui.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(listCalls()[1]!.signal.aborted).toBe(true);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(listCalls()).toHaveLength(2);
    expect(saved).toEqual([]);
  });
});
