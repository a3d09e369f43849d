import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useCan } from '@/lib/session/session-store';
import type { BulkActionModalProps } from '@/components/bulk-runner/bulk-action-modal';
import { confirmAction } from '@/components/confirm-action/confirm-action';
import { DataTable } from '@/components/data-table/data-table';
import { cursorPagination, type CursorSearch } from '@/components/data-table/pagination-search';
import { queryStatus } from '@/components/data-table/query-status';
import { TablePagination } from '@/components/data-table/table-pagination';
import { UserLink } from '@/components/user-link/user-link';
import { blockUsers } from '@/features/blocks/api/block-users';
import { BLOCK_CAP, useAllBlocks } from '@/features/blocks/api/get-all-blocks';
import { useBlocks } from '@/features/blocks/api/get-blocks';
import { useInvalidateBlocks } from '@/features/blocks/api/invalidate';
import { UNBLOCK_RATE, unblockUser, useUnblockUser } from '@/features/blocks/api/unblock-user';

// Dialogs load when a button is pressed.
const BulkActionModal = lazy(() => import('@/components/bulk-runner/bulk-action-modal').then((m) => ({ default: m.BulkActionModal })));
const BlockUsersDialog = lazy(() => import('./block-users-dialog'));

/** The API takes 1..50 a page. */
export const BLOCKS_PAGE_SIZES = [10, 20, 50] as const;

type Props = {
  app: string;
  owner: string;
  search: CursorSearch;
  onSearch: (next: CursorSearch) => void;
  /**
   * The owner's friends (lower-case), to mark blocked users who are still friends; undefined while
   * unknown. Blocking does not end a friendship.
   */
  friends: ReadonlySet<string> | undefined;
};

type Row = { username: string };

/** A user's blacklist, newest first (cursor mode): block many at once, unblock one or the selection. */
export function BlocksSection({ app, owner, search, onSearch, friends }: Props) {
  const { t } = useTranslation();
  const page = useBlocks(app, owner, { limit: search.limit, cursor: search.cursor });
  const all = useAllBlocks(app, owner);
  const invalidate = useInvalidateBlocks(app);
  const unblock = useUnblockUser(app, owner, (blocked) => t('friends.blocks.unblocked', { owner, blocked }));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // Only what the operator's role may call (block-users.ts, unblock-user.ts).
  const can = useCan();
  const canBlock = can('post', 'users/{owner}/blocks/users');
  const canUnblock = can('delete', 'users/{owner}/blocks/users/{blocked}');
  const [dialog, setDialog] = useState<'block' | 'unblock' | undefined>();
  const rows = page.data?.names.map((username) => ({ username }));

  const unblockRun: BulkActionModalProps['run'] = (chunk) => unblockUser(app, owner, chunk[0]!).then(() => undefined);
  const blockRun: BulkActionModalProps['run'] = (chunk) => blockUsers(app, owner, chunk).then(() => undefined);

  const friendCell = (r: Row) => {
    const isFriend = friends?.has(r.username.toLowerCase());
    if (isFriend === undefined) return <Text size="sm" c="dimmed">{t('friends.blocks.friendUnknown')}</Text>;
    return isFriend ? (
      <Badge variant="light" color="orange">
        {t('friends.blocks.stillFriend')}
      </Badge>
    ) : (
      <Text size="sm" c="dimmed">
        {t('friends.blocks.notFriend')}
      </Text>
    );
  };

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text size="sm" aria-live="polite">
          {all.data ? t('friends.blocks.count', { count: all.data.length, owner, cap: BLOCK_CAP }) : ' '}
        </Text>
        <Text size="sm" c="dimmed">
          {t('friends.blocks.friendNote')}
        </Text>
      </Stack>
      <DataTable<Row>
        aria-label={t('friends.blocks.label', { owner })}
        rows={rows}
        getRowId={(r) => r.username}
        status={queryStatus(page)}
        empty={search.cursor ? { title: t('friends.blocks.emptyPage'), description: t('friends.blocks.emptyPageHint') } : { title: t('friends.blocks.empty', { owner }), description: t('friends.blocks.emptyHint') }}
        selection={canUnblock ? { selected, onChange: setSelected } : undefined}
        toolbar={
          <Group gap="xs">
            {canBlock && (
              <Button size="xs" color="red" variant="light" onClick={() => setDialog('block')}>
                {t('friends.blocks.block')}
              </Button>
            )}
            {/* Always enabled (a pasted list when nothing is selected), so focus can come back here after a run. */}
            {canUnblock && (
              <Button size="xs" variant="default" onClick={() => setDialog('unblock')}>
                {selected.size > 0 ? t('friends.blocks.unblockSelected', { count: selected.size }) : t('friends.blocks.unblockList')}
              </Button>
            )}
          </Group>
        }
        columns={[
          { id: 'username', header: t('friends.blocks.username'), cell: (r) => <UserLink app={app} username={r.username} /> },
          { id: 'friend', header: t('friends.blocks.friendship'), cell: friendCell },
          {
            id: 'actions',
            header: t('friends.actions'),
            width: 110,
            cell: (r) =>
              canUnblock && (
                <Button
                  variant="subtle"
                  size="compact-xs"
                  aria-label={t('friends.blocks.unblockFor', { blocked: r.username })}
                  onClick={() =>
                    confirmAction({
                      title: t('friends.blocks.unblockTitle', { blocked: r.username }),
                      message: t('friends.blocks.unblockMessage', { owner, blocked: r.username }),
                      confirmLabel: t('friends.blocks.unblock'),
                      onConfirm: () => unblock.mutateAsync(r.username),
                    })
                  }
                >
                  {t('friends.blocks.unblock')}
                </Button>
              ),
          },
        ]}
        pagination={
          <TablePagination
            {...cursorPagination(search, page.data?.cursor, onSearch, BLOCKS_PAGE_SIZES)}
            // While the previous page still shows, its cursor must not be followed again.
            disabled={page.isPlaceholderData}
          />
        }
      />
      {dialog === 'block' && (
        <Suspense fallback={null}>
          <BlockUsersDialog app={app} owner={owner} onClose={() => setDialog(undefined)} />
        </Suspense>
      )}
      {dialog === 'unblock' && (
        <Suspense fallback={null}>
          <BulkActionModal
            opened
            onClose={() => setDialog(undefined)}
            title={t('friends.blocks.unblockManyTitle', { owner })}
            initialItems={selected.size > 0 ? [...selected] : undefined}
            // One user per call, paced below the documented 50 calls per second.
            chunkSize={1}
            rate={UNBLOCK_RATE}
            describe={(count) => t('friends.blocks.unblockDescribe', { count, owner })}
            confirmLabel={t('friends.blocks.unblock')}
            run={unblockRun}
            onFinished={() => {
              setSelected(new Set());
              invalidate(owner);
            }}
            undo={{
              label: t('friends.blocks.undo'),
              describe: (count) => t('friends.blocks.undoDescribe', { count, owner }),
              confirmLabel: t('friends.blocks.blockAgain'),
              destructive: true,
              run: blockRun,
              onFinished: () => invalidate(owner),
            }}
          />
        </Suspense>
      )}
    </Stack>
  );
}
