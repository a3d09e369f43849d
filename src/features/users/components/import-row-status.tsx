import { Badge, List, Stack, Text } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';
import type { TFunction } from '@/lib/i18n/translate';
import { REGISTER_LIMITS } from '@/features/users/api/register-users';
import { describeError } from '@/lib/api-client/describe-error';
import type { ItemResult } from '@/lib/bulk/run-bulk';
import type { ImportRow, RowProblem } from './import-users-rows';

/** A preview row's state: why it will not be sent, or ready, or what the service said of it. */
export function ImportRowStatus({ row, outcome }: { row: ImportRow; outcome: ItemResult<string> | undefined }) {
  const { t } = useTranslation();
  if (row.problems.length > 0) {
    return (
      <Stack gap={2}>
        <Badge color="red" variant="light">
          {t('userRegister.notSent')}
        </Badge>
        {row.problems.length === 1 ? (
          <Text size="sm">{problemText(t, row.problems[0]!)}</Text>
        ) : (
          <List size="sm">
            {row.problems.map((p, i) => (
              <List.Item key={i}>{problemText(t, p)}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    );
  }
  if (outcome?.status === 'succeeded')
    return (
      <Badge color="green" variant="light">
        {t('userRegister.registered')}
      </Badge>
    );
  if (outcome?.status === 'failed')
    return (
      <Stack gap={2}>
        <Badge color="red" variant="filled">
          {t('userRegister.refused')}
        </Badge>
        <Text size="sm">{outcome.reason ?? (outcome.error !== undefined ? describeError(t, outcome.error) : '')}</Text>
      </Stack>
    );
  if (outcome?.status === 'skipped')
    return (
      <Badge color="gray" variant="light">
        {t('userRegister.skipped')}
      </Badge>
    );
  return (
    <Badge color="blue" variant="light">
      {t('userRegister.ready')}
    </Badge>
  );
}

function problemText(t: TFunction, p: RowProblem): string {
  switch (p.kind) {
    case 'malformed':
      return t('userRegister.problem.malformed');
    case 'missing-column':
      return t('userRegister.problem.missingColumn', { column: p.column });
    case 'extra-fields':
      return t('userRegister.problem.extraFields', { count: p.count });
    case 'username-required':
      return t('userRegister.problem.usernameRequired');
    case 'username-too-long':
      return t('userRegister.problem.usernameTooLong', { max: REGISTER_LIMITS.username });
    case 'username-characters':
      return t('userRegister.problem.usernameCharacters');
    case 'password-required':
      return t('userRegister.problem.passwordRequired');
    case 'password-too-long':
      return t('userRegister.problem.passwordTooLong', { max: REGISTER_LIMITS.password });
    case 'nickname-too-long':
      return t('userRegister.problem.nicknameTooLong', { max: REGISTER_LIMITS.nickname });
    case 'duplicate':
      return t('userRegister.problem.duplicate', { line: p.line });
  }
}
