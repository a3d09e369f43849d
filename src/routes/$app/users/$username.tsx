import { Badge, Skeleton, Text } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DetailList } from '@/components/detail-list/detail-list';
import { ErrorState } from '@/components/error-state/error-state';
import { userQueryOptions, useUser } from '@/features/users/api/get-user';
import { isApiError } from '@/lib/api-client/api-error';
import type { UserEntity } from '@/lib/api-client/schemas';
import { formatDateTime } from '@/lib/i18n/format';
import { PageTitle } from '@/routes/-components/page-title';

export const Route = createFileRoute('/$app/users/$username')({
  // Warm the cache on hover/preload; the page itself shows loading, 404 and errors.
  loader: ({ context, params }) => void context.queryClient.prefetchQuery(userQueryOptions(params.app, params.username)),
  component: UserPage,
});

function UserPage() {
  const { t } = useTranslation();
  const { app, username } = Route.useParams();
  const user = useUser(app, username);
  if (user.isPending) return <Skeleton h={240} aria-label={t('common.loading')} />;
  if (user.isError) {
    if (isApiError(user.error) && user.error.status === 404) {
      return <PageTitle title={username} description={t('userDetail.notFound', { username })} />;
    }
    return <ErrorState error={user.error} onRetry={() => void user.refetch()} />;
  }
  return (
    <>
      <PageTitle title={user.data.username} description={user.data.nickname ?? undefined} />
      <UserSummary user={user.data} />
    </>
  );
}

function UserSummary({ user }: { user: UserEntity }) {
  const { t, i18n } = useTranslation();
  const notSet = <Text c="dimmed">{t('userDetail.notSet')}</Text>;
  return (
    <DetailList
      label={user.username}
      items={[
        {
          label: t('userDetail.status'),
          value: // The dot variant keeps body-coloured text, readable in both schemes.
            user.activated ? (
              <Badge variant="dot" color="green">
                {t('userDetail.active')}
              </Badge>
            ) : (
              <Badge variant="dot" color="red">
                {t('userDetail.banned')}
              </Badge>
            ),
        },
        { label: t('userDetail.nickname'), value: user.nickname ?? notSet },
        {
          label: t('userDetail.displayStyle'),
          value: user.notification_display_style === undefined ? notSet : t(user.notification_display_style === 1 ? 'userDetail.displayStyle1' : 'userDetail.displayStyle0'),
        },
        {
          label: t('userDetail.noDisturbing'),
          value:
            user.notification_no_disturbing === undefined
              ? notSet
              : user.notification_no_disturbing
                ? t('userDetail.noDisturbingOn', { start: user.notification_no_disturbing_start ?? '?', end: user.notification_no_disturbing_end ?? '?' })
                : t('userDetail.off'),
        },
        { label: t('userDetail.created'), value: formatDateTime(user.created, i18n.language) },
        ...(user.modified ? [{ label: t('userDetail.modified'), value: formatDateTime(user.modified, i18n.language) }] : []),
        { label: t('userDetail.uuid'), value: <Text ff="monospace" size="sm">{user.uuid}</Text> },
      ]}
    />
  );
}
