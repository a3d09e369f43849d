import { Badge, Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { BulkActionModal } from '@/components/bulk-runner/bulk-action-modal';
import { DataTable } from '@/components/data-table/data-table';
import { pagePagination, type PageSearch } from '@/components/data-table/pagination-search';
import { queryStatus } from '@/components/data-table/query-status';
import { TablePagination } from '@/components/data-table/table-pagination';
import { useGroupMembers, type RosterMember } from '@/features/groups/api/get-group-members';
import { REMOVE_MEMBERS_LIMIT, removeGroupMembers, useInvalidateAfterRemoval } from '@/features/groups/api/remove-group-members';

type Props = {
  app: string;
  groupId: string;
  groupName: string;
  search: PageSearch;
  onSearch: (next: PageSearch) => void;
};

/** The roster, a page-number list, with bulk removal of the selection or of pasted names. */
export function GroupMembersTable({ app, groupId, groupName, search, onSearch }: Props) {
  const { t } = useTranslation();
  const members = useGroupMembers(app, groupId, search);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [removing, setRemoving] = useState<'selection' | 'paste' | undefined>();
  const invalidate = useInvalidateAfterRemoval(app, groupId);

  return (
    <>
      <DataTable<RosterMember>
        aria-label={t('roster.label', { group: groupName })}
        rows={members.data}
        getRowId={(m) => m.username}
        status={queryStatus(members)}
        empty={{ title: t('roster.empty'), description: t('roster.emptyHint') }}
        selection={{ selected, onChange: setSelected }}
        toolbar={
          <>
            <Button size="xs" color="red" variant="light" disabled={selected.size === 0} onClick={() => setRemoving('selection')}>
              {t('roster.removeSelected')} {selected.size > 0 ? `(${selected.size})` : ''}
            </Button>
            <Button size="xs" variant="default" onClick={() => setRemoving('paste')}>
              {t('roster.removeMany')}
            </Button>
          </>
        }
        columns={[
          { id: 'username', header: t('roster.username'), cell: (m) => m.username },
          {
            id: 'role',
            header: t('roster.role'),
            cell: (m) =>
              m.role === 'owner' ? (
                <Badge variant="dot" color="grape">
                  {t('roster.owner')}
                </Badge>
              ) : (
                t('roster.member')
              ),
          },
        ]}
        pagination={<TablePagination {...pagePagination(search, members.data?.length, onSearch, [20, 100, 500, 1000])} />}
      />
      <BulkActionModal
        opened={removing !== undefined}
        onClose={() => setRemoving(undefined)}
        title={t('roster.removeTitle', { group: groupName })}
        initialItems={removing === 'selection' ? [...selected] : undefined}
        chunkSize={REMOVE_MEMBERS_LIMIT}
        describe={(count) => t('roster.removeDescribe', { count, group: groupName })}
        confirmLabel={t('roster.removeConfirm')}
        destructive
        // Removal cannot be undone: the group ID must be typed, as for every irreversible action.
        typeToConfirm={groupId}
        run={(chunk) => removeGroupMembers(app, groupId, chunk)}
        onFinished={() => {
          setSelected(new Set());
          invalidate();
        }}
      />
    </>
  );
}
