import { Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from '@/lib/i18n/react';
import { PageTitle } from './page-title';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('notFound.title')} description={t('notFound.description')} />
      <Anchor component={Link} to="/">
        {t('notFound.backHome')}
      </Anchor>
    </>
  );
}
