import { Alert, Button, Group, SegmentedControl, Stack } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useCan } from '@/lib/session/session-store';
import { countImportOutcomes, type ImportReportRow } from '@/features/friends/api/merge-import-answers';
import { AddFriendForm } from './add-friend-form';
import { AllFriendsTable } from './all-friends-table';
import { FriendsPageTable } from './friends-page-table';
import { withView, type FriendsSearch, type FriendsView } from './friends-search';

// Loaded when the import button is pressed (with the bulk runner and the CSV reader).
const ImportFriendsDialog = lazy(() => import('./import-friends-dialog'));

type Props = {
  app: string;
  owner: string;
  search: FriendsSearch;
  onSearch: (next: FriendsSearch, options?: { replace?: boolean }) => void;
};

/** A user's friends: page by page with remarks, or all at once with a filter; add, remove, import. */
export function FriendsSection({ app, owner, search, onSearch }: Props) {
  const { t } = useTranslation();
  const view: FriendsView = search.view ?? 'pages';
  const [importing, setImporting] = useState(false);
  const [report, setReport] = useState<ImportReportRow[] | undefined>();
  const counts = report && countImportOutcomes(report);
  // Only what the operator's role may call (add-friend.ts, import-friends.ts).
  const can = useCan();

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        {can('post', 'users/{owner}/contacts/users/{friend}') && <AddFriendForm app={app} owner={owner} />}
        {can('post', 'users/{owner}/contacts/import') && (
          <Group gap="xs" align="flex-end">
            <Button variant="default" onClick={() => setImporting(true)}>
              {t('friends.import.open')}
            </Button>
          </Group>
        )}
      </Group>
      {counts && (
        <Alert color="blue" title={t('friends.import.lastTitle')} withCloseButton closeButtonLabel={t('friends.import.dismiss')} onClose={() => setReport(undefined)}>
          {t('friends.import.last', { ...counts, total: report.length })}
        </Alert>
      )}
      <SegmentedControl
        aria-label={t('friends.view')}
        value={view}
        onChange={(v) => onSearch(withView(search, v as FriendsView))}
        data={[
          { value: 'pages', label: t('friends.viewPages') },
          { value: 'all', label: t('friends.viewAll') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {view === 'all' ? (
        <AllFriendsTable app={app} owner={owner} search={search} onSearch={onSearch} />
      ) : (
        <FriendsPageTable app={app} owner={owner} search={search} onSearch={onSearch} />
      )}
      {importing && (
        <Suspense fallback={null}>
          <ImportFriendsDialog app={app} owner={owner} onClose={() => setImporting(false)} onReport={setReport} />
        </Suspense>
      )}
    </Stack>
  );
}
