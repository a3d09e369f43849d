import { Alert, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { confirmAction } from '@/components/confirm-action/confirm-action';
import { ErrorState } from '@/components/error-state/error-state';
import { describeError } from '@/lib/api-client/describe-error';
import { useTranslation } from '@/lib/i18n/react';
import { notify } from '@/lib/notify/notify';
import { useBuildUserIndex, type IndexAction } from '../api/build-user-index';
import { useDeleteUserIndex } from '../api/delete-user-index';
import { useUserIndex, type BuildProgress, type IndexStatus } from '../api/get-user-index';
import { useCanConsole } from '../can-console';
import { useWalkEndNotice } from './index-build-notice';
import { ageInWords, durationInWords } from './time-words';

/** The Search settings page's body: the index's state, a walk's progress, and (for admins) its controls. */
export function IndexSettings({ app }: { app: string }) {
  const { t } = useTranslation();
  const index = useUserIndex(app);
  // "Started" is said by the button; the end, by a notification when the polled status shows it.
  useWalkEndNotice(app, index.data);
  if (index.isPending) return <Text c="dimmed">{t('common.loading')}</Text>;
  if (index.isError) return <ErrorState error={index.error} onRetry={() => void index.refetch()} />;
  return (
    <Stack gap="md">
      {/* Ages are counted from when the status was read (it is read again every 2 s while building). */}
      <IndexStatusCard status={index.data} readAt={index.dataUpdatedAt} />
      <IndexControls app={app} status={index.data} />
    </Stack>
  );
}

function IndexStatusCard({ status, readAt }: { status: IndexStatus; readAt: number }) {
  const { t, i18n } = useTranslation();
  const num = (n: number) => n.toLocaleString(i18n.language);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('userSearch.statusTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0}>
        <div>
          <Text component="dt" size="sm" c="dimmed">
            {t('userSearch.usersIndexed')}
          </Text>
          <Text component="dd" m={0} fw={500} data-testid="index-count">
            {num(status.count)}
          </Text>
        </div>
        <div>
          <Text component="dt" size="sm" c="dimmed">
            {t('userSearch.lastBuilt')}
          </Text>
          <Text component="dd" m={0} fw={500} title={status.lastBuiltAt ?? undefined}>
            {status.lastBuiltAt ? ageInWords(status.lastBuiltAt, readAt, i18n.language) : t('userSearch.never')}
          </Text>
        </div>
      </SimpleGrid>
      <Stack gap="xs" mt="md">
        {!status.lastBuiltAt && !status.building && !status.resumable && <Text size="sm">{t('userSearch.notBuilt')}</Text>}
        {status.building && <WalkProgress progress={status.building} previous={status.count} />}
        {status.resumable && (
          <Alert color="blue" role="status">
            {t('userSearch.resumable')}
          </Alert>
        )}
        {status.lastError && !status.building && (
          <Alert color="red" role="alert">
            {t('userSearch.lastError', { error: status.lastError })}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function WalkProgress({ progress, previous }: { progress: BuildProgress; previous: number }) {
  const { t, i18n } = useTranslation();
  const num = (n: number) => n.toLocaleString(i18n.language);
  // With the size of the last finished walk known (the ETA comes from it), a bar; otherwise only counts.
  const total = progress.etaSeconds !== null && previous > 0 ? Math.max(previous, progress.usersIndexed) : undefined;
  const title = progress.mode === 'rewalk' ? t('userSearch.progressRewalk') : t('userSearch.progressBuild');
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Text fw={500}>{title}</Text>
      {total !== undefined && <Progress value={(progress.usersIndexed / total) * 100} aria-label={title} animated />}
      <Text size="sm">
        {t('userSearch.progress', { users: num(progress.usersIndexed), calls: num(progress.calls), rate: num(Math.round(progress.rate * 10) / 10) })}
      </Text>
      <Text size="sm" c="dimmed">
        {progress.etaSeconds === null ? t('userSearch.etaUnknown') : t('userSearch.eta', { time: durationInWords(progress.etaSeconds, i18n.language) })}
      </Text>
    </Stack>
  );
}

function IndexControls({ app, status }: { app: string; status: IndexStatus }) {
  const { t } = useTranslation();
  const can = useCanConsole();
  const build = useBuildUserIndex(app);
  const drop = useDeleteUserIndex(app);
  const route = `apps/${app}/users/index`;
  if (!can('POST', route)) {
    return (
      <Text size="sm" c="dimmed">
        {t('userSearch.adminOnly')}
      </Text>
    );
  }
  const run = (action: IndexAction) =>
    build.mutate(action, {
      onSuccess: () => notify({ color: 'green', message: action === 'cancel' ? t('userSearch.cancelled') : t('userSearch.started') }),
    });
  const busy = build.isPending || drop.isPending;
  const walking = status.building !== null;
  const hasIndex = status.count > 0 || status.lastBuiltAt !== null;
  return (
    <Stack gap="sm">
      {build.isError && (
        <Alert color="red" role="alert">
          {describeError(t, build.error)}
        </Alert>
      )}
      <Group gap="sm">
        {walking ? (
          <Button color="red" variant="light" loading={build.isPending && build.variables === 'cancel'} onClick={() => run('cancel')}>
            {t('userSearch.cancel')}
          </Button>
        ) : (
          <>
            <Button loading={build.isPending && build.variables === 'build'} disabled={busy} onClick={() => run('build')}>
              {status.resumable ? t('userSearch.continue') : status.lastBuiltAt ? t('userSearch.update') : t('userSearch.build')}
            </Button>
            {hasIndex && (
              <Button variant="default" title={t('userSearch.rewalkHint')} loading={build.isPending && build.variables === 'rewalk'} disabled={busy} onClick={() => run('rewalk')}>
                {t('userSearch.rewalk')}
              </Button>
            )}
          </>
        )}
        {can('DELETE', route) && (hasIndex || status.resumable) && (
          <Button
            color="red"
            variant="subtle"
            disabled={busy}
            onClick={() =>
              confirmAction({
                title: t('userSearch.deleteTitle', { app }),
                message: t('userSearch.deleteMessage', { app }),
                confirmLabel: t('userSearch.delete'),
                destructive: true,
                typeToConfirm: app,
                onConfirm: () => drop.mutateAsync().then(() => notify({ color: 'green', message: t('userSearch.deleted', { app }) })),
              })
            }
          >
            {t('userSearch.delete')}
          </Button>
        )}
      </Group>
      {!walking && hasIndex && (
        <Text size="xs" c="dimmed">
          {t('userSearch.rewalkHint')}
        </Text>
      )}
    </Stack>
  );
}
