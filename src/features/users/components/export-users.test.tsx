import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client/api-error';
import { callApi } from '@/lib/api-client/http';
import type { UserEntity } from '@/lib/api-client/schemas';
import { downloadText } from '@/lib/csv/download';
import { renderWithProviders } from '@/testing/render';
import { exportFileName, usersCsv } from './export-users-csv';
import { ExportUsersButton } from './export-users';

vi.mock('@/lib/api-client/http', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/api-client/http')>()),
  callApi: vi.fn(),
}));
vi.mock('@/lib/csv/download', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/csv/download')>()),
  downloadText: vi.fn(),
}));
const call = vi.mocked(callApi);
const download = vi.mocked(downloadText);

beforeEach(() => {
  call.mockReset();
  download.mockReset();
});

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
    const { user: ui } = renderWithProviders(<ExportUsersButton app="demo" rows={[user('alice'), user('bob')]} />);
    await ui.click(screen.getByRole('button', { name: 'Export 2 users (CSV)' }));
    await waitFor(() => expect(download).toHaveBeenCalledOnce());
    const [name, text] = download.mock.calls[0]!;
    expect(name).toMatch(/^users-demo-\d{4}-\d{2}-\d{2}-page\.csv$/);
    expect(dataLines(text)).toHaveLength(2);
    expect(call).not.toHaveBeenCalled();
  });

  it('walks every page of users until there is no cursor, then saves them all', async () => {
    call
      .mockResolvedValueOnce({ entities: [user('a1'), user('a2')], cursor: 'c1' })
      .mockResolvedValueOnce({ entities: [user('b1')], cursor: 'c2' })
      .mockResolvedValueOnce({ entities: [user('c1')], cursor: null });
    const { user: ui } = renderWithProviders(<ExportUsersButton app="demo" rows={undefined} />);
    expect(screen.getByRole('button', { name: 'Export 0 users (CSV)' })).toBeDisabled();
    await ui.click(screen.getByRole('button', { name: 'Export all users (CSV)…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export all users' });
    await within(dialog).findByText(/^Exported 4 users to users-demo-/);
    expect(call.mock.calls.map((c) => c[2].searchParams)).toEqual([
      { limit: 100, cursor: undefined },
      { limit: 100, cursor: 'c1' },
      { limit: 100, cursor: 'c2' },
    ]);
    expect(download).toHaveBeenCalledOnce();
    expect(dataLines(download.mock.calls[0]![1]).map((l) => l.split(',')[0])).toEqual(['a1', 'a2', 'b1', 'c1']);
    await ui.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('after a failed page, offers to go on from there or to save what was fetched', async () => {
    call
      .mockResolvedValueOnce({ entities: [user('a1')], cursor: 'c1' })
      .mockRejectedValueOnce(new ApiError({ kind: 'http', status: 500, error: 'internal', description: 'boom', call: 'GET /users' }))
      .mockResolvedValueOnce({ entities: [user('b1')] });
    const { user: ui } = renderWithProviders(<ExportUsersButton app="demo" rows={[]} />);
    await ui.click(screen.getByRole('button', { name: 'Export all users (CSV)…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export all users' });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('boom');
    expect(within(dialog).getByRole('button', { name: 'Save the 1 user fetched' })).toBeInTheDocument();
    expect(download).not.toHaveBeenCalled();
    await ui.click(within(dialog).getByRole('button', { name: 'Try again from there' }));
    await within(dialog).findByText(/^Exported 2 users/);
    expect(call.mock.calls[2]![2].searchParams).toEqual({ limit: 100, cursor: 'c1' });
    expect(dataLines(download.mock.calls[0]![1]).map((l) => l.split(',')[0])).toEqual(['a1', 'b1']);
  });

  it('cancel stops the walk and saves nothing', async () => {
    let release: (v: unknown) => void = () => {};
    call.mockResolvedValueOnce({ entities: [user('a1')], cursor: 'c1' }).mockImplementationOnce(() => new Promise((r) => (release = r)));
    const { user: ui } = renderWithProviders(<ExportUsersButton app="demo" rows={[]} />);
    await ui.click(screen.getByRole('button', { name: 'Export all users (CSV)…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export all users' });
    await within(dialog).findByText('Users so far: 1 · pages read: 1');
    const signal = call.mock.calls[1]![2].signal!;
    await ui.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(signal.aborted).toBe(true);
    release({ entities: [user('b1')] });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(call).toHaveBeenCalledTimes(2);
    expect(download).not.toHaveBeenCalled();
  });
});
