import { Badge, Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useCan } from '@/lib/session/session-store';
import { confirmAction } from '@/components/confirm-action/confirm-action';
import { DataTable } from '@/components/data-table/data-table';
import { listPage, type PageSearch } from '@/components/data-table/pagination-search';
import { TablePagination } from '@/components/data-table/table-pagination';
import { queryStatus } from '@/components/data-table/query-status';
import { UserLink } from '@/components/user-link/user-link';
import { useGroupMutes, type GroupMute } from '@/features/groups/api/get-group-mutes';
import { groupKeys } from '@/features/groups/api/keys';
import { UNMUTE_LIMIT, unmuteGroupMembers, useUnmuteGroupMember } from '@/features/groups/api/unmute-group-members';
import { formatDateTime } from '@/lib/i18n/format';
import { MuteMembersButton } from './group-mutes-mute-button';
import { timeLeft } from './mute-duration';
import { timeLeftText } from './mute-duration-text';
import { APP_RATE_LIMIT } from '@/lib/bulk/chunk';
import { useNow } from '@/hooks/use-now';

const BulkActionModal = lazy(() => import('@/components/bulk-runner/bulk-action-modal').then((m) => ({ default: m.BulkActionModal })));

type Props = {
  app: string;
  groupId: string;
  groupName: string;
  /** The page shown (the API answers the whole list), from the URL; without it, every row. */
  search?: PageSearch;
  onSearch?: (next: PageSearch) => void;
};

const MUTES_PAGE_SIZES = [20, 50, 100, 500, 1000];


/** Muted members with the time each mute has left; mute more, unmute one or many. */
export function GroupMutesTable({ app, groupId, groupName, search, onSearch }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const mutes = useGroupMutes(app, groupId);
  const shown = search && onSearch ? listPage(mutes.data, search, onSearch, MUTES_PAGE_SIZES) : undefined;
  const unmuteOne = useUnmuteGroupMember(app, groupId);
  const now = useNow(30_000);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [unmuting, setUnmuting] = useState<'selection' | 'paste' | undefined>();
  const selectedNames = [...selected];
  // `DELETE chatgroups/{group}/mute/{usernames}` (unmute-group-members.ts): moderators and admins.
  const can = useCan();
  const canUnmute = can('delete', 'chatgroups/{group}/mute/{usernames}');

  const unmuteRun = async (chunk: string[]) =>
    (await unmuteGroupMembers(app, groupId, chunk)).map((o) => (o.ok ? o : { ...o, reason: t('groupModeration.notMuted') }));

  return (
    <>
      <DataTable<GroupMute>
        aria-label={t('groupModeration.mutesLabel', { group: groupName })}
        rows={shown ? shown.rows : mutes.data}
        getRowId={(m) => m.username}
        pagination={shown && <TablePagination {...shown.pagination} />}
        status={queryStatus(mutes)}
        empty={{ title: t('groupModeration.mutesEmpty'), description: t('groupModeration.mutesEmptyHint') }}
        selection={canUnmute ? { selected, onChange: setSelected } : undefined}
        toolbar={
          <>
            <MuteMembersButton app={app} groupId={groupId} usernames={[]} />
            {canUnmute && (
              <>
                {/* Only once there is a selection: "Unmute 0 selected" says nothing useful. */}
                {selected.size > 0 && (
                  <Button size="xs" variant="default" onClick={() => setUnmuting('selection')}>
                    {t('groupModeration.unmuteSelected', { count: selected.size })}
                  </Button>
                )}
                <Button size="xs" variant="default" onClick={() => setUnmuting('paste')}>
                  {t('groupModeration.unmuteMany')}
                </Button>
              </>
            )}
          </>
        }
        columns={[
          { id: 'username', header: t('groupModeration.username'), cell: (m) => <UserLink app={app} username={m.username} /> },
          {
            id: 'left',
            header: t('groupModeration.timeLeft'),
            cell: (m) => {
              const left = timeLeft(m.until, now);
              return left.kind === 'permanent' ? (
                <Badge variant="light" color="red">
                  {timeLeftText(t, left)}
                </Badge>
              ) : (
                timeLeftText(t, left)
              );
            },
          },
          {
            id: 'until',
            header: t('groupModeration.until'),
            cell: (m) => (m.until === null ? t('groupModeration.untilUnmuted') : formatDateTime(m.until, i18n.language)),
          },
          {
            id: 'actions',
            header: t('groupModeration.actions'),
            cell: (m) =>
              canUnmute && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  aria-label={t('groupModeration.unmuteOne', { username: m.username })}
                  onClick={() =>
                    confirmAction({
                      title: t('groupModeration.unmuteOneTitle', { username: m.username }),
                      message: t('groupModeration.unmuteOneMessage', { username: m.username, group: groupName }),
                      confirmLabel: t('groupModeration.unmuteConfirm'),
                      onConfirm: () => unmuteOne.mutateAsync(m.username),
                    })
                  }
                >
                  {t('groupModeration.unmute')}
                </Button>
              ),
          },
        ]}
      />
      {unmuting && (
        <Suspense fallback={null}>
          <BulkActionModal
            key={unmuting}
            opened
            onClose={() => setUnmuting(undefined)}
            title={t('groupModeration.unmuteTitle', { group: groupName })}
            initialItems={unmuting === 'selection' ? selectedNames : undefined}
            chunkSize={UNMUTE_LIMIT}
            rate={APP_RATE_LIMIT}
            describe={(count) => t('groupModeration.unmuteDescribe', { count, group: groupName })}
            confirmLabel={t('groupModeration.unmuteConfirm')}
            run={unmuteRun}
            onFinished={() => {
              setSelected(new Set());
              void queryClient.invalidateQueries({ queryKey: groupKeys.mutes(app, groupId) });
            }}
          />
        </Suspense>
      )}
    </>
  );
}
