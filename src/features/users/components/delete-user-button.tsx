import { Alert, Button, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { ConfirmBody } from '@/components/confirm-action/confirm-action';
import { useDeleteUser } from '@/features/users/api/delete-user';
import { useOwnedGroups } from '@/features/users/api/get-owned-groups';
import { describeError } from '@/lib/api-client/describe-error';

type Props = {
  app: string;
  /** As in the URL: the key the page's queries use. */
  username: string;
  /** As stored by the service: what the user types to confirm. */
  storedName: string;
  onDeleted: () => void;
};

/**
 * Deleting a user deletes the groups they own: those are listed first, then the username must be
 * typed (the shared confirmation body) before Delete is enabled.
 */
export function DeleteUserButton({ app, username, storedName, onDeleted }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button color="red" variant="light" onClick={() => setOpened(true)}>
        {t('userPage.delete')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} closeButtonProps={{ 'aria-label': t('common.closeDialog') }} title={t('userPage.deleteTitle', { username: storedName })}>
        {opened && <DeleteUserBody app={app} username={username} storedName={storedName} onDeleted={onDeleted} close={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

function DeleteUserBody({ app, username, storedName, onDeleted, close }: Props & { close: () => void }) {
  const { t } = useTranslation();
  const owned = useOwnedGroups(app, username);
  const remove = useDeleteUser(app);
  const name = storedName;

  let groups;
  if (owned.isPending) {
    groups = (
      <Group gap="xs" role="status">
        <Loader size="xs" aria-hidden />
        <Text size="sm">{t('userPage.deleteLoadingGroups', { username: name })}</Text>
      </Group>
    );
  } else if (owned.isError) {
    groups = (
      <Alert color="orange" role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('userPage.deleteGroupsFailed', { username: name, message: describeError(t, owned.error) })}</Text>
          <Button size="compact-sm" variant="default" onClick={() => void owned.refetch()} loading={owned.isFetching}>
            {t('error.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  } else if (owned.data.length === 0) {
    groups = <Text size="sm">{t('userPage.deleteOwnsNone', { username: name })}</Text>;
  } else {
    groups = (
      <Alert color="red" title={t('userPage.deleteOwns', { username: name, count: owned.data.length })}>
        <List size="sm" spacing={2} mah={200} style={{ overflowY: 'auto' }}>
          {owned.data.map((g) => (
            <List.Item key={g.id}>
              {g.name} <Text span c="dimmed" size="xs">({g.id})</Text>
            </List.Item>
          ))}
        </List>
      </Alert>
    );
  }

  return (
    <Stack>
      <Text>{t('userPage.deleteMessage', { username: name })}</Text>
      {groups}
      {/* Confirming only once the owned groups are known (or could not be listed, which is said above). */}
      {!owned.isPending && (
        <ConfirmBody
          message={null}
          confirmLabel={t('userPage.deleteConfirm')}
          destructive
          typeToConfirm={name}
          onConfirm={async () => {
            await remove.mutateAsync(username);
            onDeleted();
          }}
          onConfirmed={close}
          onCancel={close}
        />
      )}
    </Stack>
  );
}
