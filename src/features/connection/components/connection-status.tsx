import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';
import { describeError } from '@/lib/api-client/describe-error';
import { errorFromResponse } from '@/lib/api-client/api-error';
import { useAppHealth } from '@/features/connection/api/get-app-health';
import { appLabel, type ImApp } from '@/features/connection/api/get-apps';

/**
 * Says plainly when the console cannot use the app: which host, and what failed
 * (unreachable, credentials refused, invalid settings), with a way to check again.
 */
export function ConnectionStatus({ app }: { app: ImApp }) {
  const { t } = useTranslation();
  const health = useAppHealth(app.id);
  if (health.isPending || health.data?.ok) return null;
  const problem = health.error ?? errorFromResponse(`GET /users`, health.data?.status ?? 502, { ...health.data, host: app.host });
  return (
    <Alert color="red" title={t('connection.failedTitle', { app: appLabel(t, app) })} role="alert" mb="md">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{describeError(t, problem)}</Text>
        <Group gap="xs">
          <Button size="xs" variant="light" color="red" loading={health.isFetching} onClick={() => void health.refetch()}>
            {t('connection.recheck')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** A small dot in the header: green when the proxy reached the host and authenticated. */
export function ConnectionDot({ app }: { app: ImApp }) {
  const { t } = useTranslation();
  const health = useAppHealth(app.id);
  const color = health.isPending ? 'var(--mantine-color-gray-5)' : health.data?.ok ? 'var(--mantine-color-green-6)' : 'var(--mantine-color-red-6)';
  const label = health.isPending
    ? t('connection.checking', { host: app.host })
    : health.data?.ok
      ? t('connection.ok', { host: app.host })
      : t('connection.failedTitle', { app: appLabel(t, app) });
  return <span role="img" aria-label={label} title={label} style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: color }} />;
}
