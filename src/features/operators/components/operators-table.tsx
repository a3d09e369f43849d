import { Badge, Group, Stack, Text } from '@mantine/core';
import { DataTable } from '@/components/data-table/data-table';
import { queryStatus } from '@/components/data-table/query-status';
import { roleName } from '@/lib/api-client/describe-error';
import { formatDateTime } from '@/lib/i18n/format';
import { useTranslation } from '@/lib/i18n/react';
import { useSessionState } from '@/lib/session/session-store';
import { useOperators, type Operator } from '../api/get-operators';
import { AddOperator } from './add-operator';
import { OperatorActions } from './operator-actions';
import { isSso, signInName } from './operator-words';

/** The console's operators (admins only): role, how each signs in, last sign-in, state, and what an admin may change. */
export function OperatorsTable() {
  const { t, i18n } = useTranslation();
  const operators = useOperators();
  const session = useSessionState();
  const me = session.status === 'signed-in' ? session.username : undefined;
  return (
    <DataTable<Operator>
      aria-label={t('operators.label')}
      rows={operators.data}
      getRowId={(o) => o.username}
      status={queryStatus(operators)}
      empty={{ title: t('operators.empty'), description: t('operators.emptyHint') }}
      toolbar={<AddOperator />}
      columns={[
        {
          id: 'username',
          header: t('operators.username'),
          cell: (o) => (
            <Group gap={6} wrap="nowrap">
              <Text size="sm" fw={500}>
                {o.username}
              </Text>
              {o.username === me && (
                <Badge size="sm" variant="light" color="blue">
                  {t('operators.you')}
                </Badge>
              )}
            </Group>
          ),
        },
        {
          id: 'role',
          header: t('operators.role'),
          cell: (o) =>
            isSso(o) ? (
              <Stack gap={0}>
                <Text size="sm">{roleName(t, o.role)}</Text>
                <Text size="xs" c="dimmed">
                  {t('operators.roleFromProvider')}
                </Text>
              </Stack>
            ) : (
              roleName(t, o.role)
            ),
        },
        { id: 'signIn', header: t('operators.signIn'), cell: (o) => signInName(t, o.signIn) },
        {
          id: 'lastSignIn',
          header: t('operators.lastSignIn'),
          cell: (o) =>
            o.lastSignInAt ? (
              formatDateTime(Date.parse(o.lastSignInAt), i18n.language)
            ) : (
              <Text size="sm" c="dimmed">
                {t('operators.never')}
              </Text>
            ),
        },
        {
          id: 'state',
          header: t('operators.state'),
          // In words, with the colour only as a second cue.
          cell: (o) => (
            <Badge variant="dot" color={o.disabled ? 'gray' : 'green'}>
              {o.disabled ? t('operators.disabled') : t('operators.active')}
            </Badge>
          ),
        },
        { id: 'actions', header: t('operators.actions'), cell: (o) => <OperatorActions operator={o} self={o.username === me} />, width: 90 },
      ]}
    />
  );
}
