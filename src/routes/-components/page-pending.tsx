import { Center, Loader } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';
import classes from './page-pending.module.css';

/**
 * A page's place in the shell while its code and strings download (a cold load, a first visit):
 * the shell is drawn meanwhile rather than all at once afterwards. The spinner appears only if
 * the wait is long, so a quick load shows no flash.
 */
export function PagePending() {
  const { t } = useTranslation();
  return (
    <Center className={classes.pending} mih="40vh" aria-busy="true">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
