import { Badge, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { DetailList } from '@/components/detail-list/detail-list';
import { ErrorState } from '@/components/error-state/error-state';
import { roleName } from '@/lib/api-client/describe-error';
import { useTranslation } from '@/lib/i18n/react';
import type { TFunction } from '@/lib/i18n/translate';
import { accountKey, useAccount } from '../api/second-factor';
import { SecondFactorSetup } from './second-factor-setup';

/** How a session signed in, in words. */
export function signInMethod(t: TFunction, signIn: string | null): string {
  switch (signIn) {
    case 'password':
      return t('account.viaPassword');
    case 'password+totp':
      return t('account.viaTotp');
    case 'password+recovery':
      return t('account.viaRecovery');
    case 'sso':
      return t('account.viaSso');
    default:
      return signIn ?? '—';
  }
}

/** The signed-in operator's account: role, how they signed in, and their second factor. */
export function AccountDetails() {
  const { t } = useTranslation();
  const account = useAccount();
  const queryClient = useQueryClient();
  if (account.isError) return <ErrorState error={account.error} onRetry={() => void account.refetch()} />;
  if (!account.data) return <Text c="dimmed">{t('common.loading')}</Text>;
  const a = account.data;
  return (
    <Stack gap="lg">
      <DetailList
        label={t('account.title')}
        items={[
          { label: t('account.username'), value: a.username },
          { label: t('account.role'), value: roleName(t, a.role) },
          { label: t('account.signedInWith'), value: signInMethod(t, a.signIn) },
          {
            label: t('account.secondFactor'),
            value: a.secondFactor.enrolled ? (
              <Badge color="green" variant="light">
                {t('account.on', { count: a.secondFactor.recoveryCodesLeft })}
              </Badge>
            ) : (
              <Badge color={a.secondFactor.required ? 'red' : 'gray'} variant="light">
                {a.secondFactor.required ? t('account.offRequired') : t('account.off')}
              </Badge>
            ),
          },
        ]}
      />
      {!a.secondFactor.enrolled && a.signIn !== 'sso' && (
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('account.setupTitle')}
          </Title>
          <SecondFactorSetup username={a.username} onDone={() => void queryClient.invalidateQueries({ queryKey: accountKey })} />
        </Stack>
      )}
    </Stack>
  );
}
