import { Alert, Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { ErrorState } from '@/components/error-state/error-state';
import { useOfflineMessageCount } from '@/features/users/api/get-offline-message-count';
import { useOfflineMessageStatus } from '@/features/users/api/get-offline-message-status';

/** "N messages" waiting for the user, as a value for the profile's detail list. */
export function OfflineMessageCount({ app, username }: { app: string; username: string }) {
  const { t } = useTranslation();
  const count = useOfflineMessageCount(app, username);
  if (count.isPending) return <Loader size="xs" aria-label={t('common.loading')} />;
  if (count.isError) return <ErrorState error={count.error} onRetry={() => void count.refetch()} />;
  return <>{t('userPage.offlineCountValue', { count: count.data })}</>;
}

/** Delivery status of one message to this user, looked up by its ID. */
export function OfflineMessageLookup({ app, username }: { app: string; username: string }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [asked, setAsked] = useState('');
  const [missing, setMissing] = useState(false);
  const status = useOfflineMessageStatus(app, username, asked);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const id = typed.trim();
    setMissing(id === '');
    if (id === '') return;
    // The same ID again is a new question: the answer may have changed.
    if (id === asked) void status.refetch();
    else setAsked(id);
  };

  return (
    <Stack gap="sm" maw={640} component="section" aria-labelledby="offline-lookup-title">
      <Title order={2} size="h4" id="offline-lookup-title">
        {t('userPage.lookupTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('userPage.lookupHint')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start">
          <TextInput
            label={t('userPage.messageId')}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            error={missing ? t('userPage.messageIdRequired') : undefined}
            autoComplete="off"
            style={{ flex: 1 }}
          />
          <Button type="submit" mt={25} loading={asked !== '' && status.isFetching}>
            {t('userPage.lookup')}
          </Button>
        </Group>
      </form>
      <div aria-live="polite">
        {asked !== '' && status.isError && !status.isFetching && <ErrorState error={status.error} onRetry={() => void status.refetch()} />}
        {asked !== '' && status.isSuccess && !status.isFetching && (
          <Alert color={status.data === 'delivered' ? 'green' : 'yellow'}>
            {status.data === 'delivered' ? t('userPage.delivered', { id: asked }) : t('userPage.undelivered', { id: asked, username })}
          </Alert>
        )}
      </div>
    </Stack>
  );
}
