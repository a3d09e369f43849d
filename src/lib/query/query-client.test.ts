import { MutationObserver, QueryObserver } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client/api-error';
import { createI18n } from '@/lib/i18n/i18n';
import { allCatalogues } from '@/testing/catalogues';
import { createQueryClient } from './query-client';

// Not the HTTP layer: whether the cache's callbacks notify, and with what, is what is under test.
const show = vi.fn();

const refused = new ApiError({ kind: 'http', status: 403, error: 'forbidden_op', description: 'forbidden operation on group owner!', call: 'DELETE /x' });

describe('createQueryClient', () => {
  beforeEach(() => show.mockClear());

  it('does not notify when a first load fails (the table shows it), but does when a refresh fails', async () => {
    const client = createQueryClient(createI18n('en', allCatalogues), show);
    let fail = true;
    const queryFn = async () => {
      if (fail) throw refused;
      return ['a'];
    };
    await client.fetchQuery({ queryKey: ['k'], queryFn }).catch(() => undefined);
    expect(show).not.toHaveBeenCalled();

    fail = false;
    await client.fetchQuery({ queryKey: ['k'], queryFn });
    fail = true;
    const observer = new QueryObserver(client, { queryKey: ['k'], queryFn });
    await observer.refetch();
    expect(show).toHaveBeenCalledOnce();
    expect(show.mock.calls[0]![0]).toMatchObject({ title: 'Could not refresh the data', message: 'forbidden operation on group owner! (403 forbidden_op)' });
  });

  it('notifies a mutation once: its success message, or its error unless the form shows it', async () => {
    const client = createQueryClient(createI18n('zh-CN', allCatalogues), show);
    const ok = new MutationObserver(client, { mutationFn: async (mute: boolean) => mute, meta: { successMessage: (mute: boolean) => (mute ? 'muted' : 'unmuted') } });
    await ok.mutate(true);
    expect(show).toHaveBeenLastCalledWith({ color: 'green', message: 'muted' });

    const failing = new MutationObserver(client, { mutationFn: async () => Promise.reject(refused) });
    await failing.mutate().catch(() => undefined);
    expect(show).toHaveBeenLastCalledWith(expect.objectContaining({ color: 'red', title: '操作失败' }));

    show.mockClear();
    const quiet = new MutationObserver(client, { mutationFn: async () => Promise.reject(refused), meta: { handlesError: true } });
    await quiet.mutate().catch(() => undefined);
    expect(show).not.toHaveBeenCalled();
  });
});
