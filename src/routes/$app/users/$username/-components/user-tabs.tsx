import { useTranslation } from '@/lib/i18n/react';
import { SectionLink, SectionNav } from '@/routes/-components/section-nav';

/** The sections of the user page. */
export function UserTabs({ app, username }: { app: string; username: string }) {
  const { t } = useTranslation();
  const params = { app, username };
  return (
    <SectionNav label={t('userPage.sections', { username })}>
      <SectionLink to="/$app/users/$username" params={params} activeOptions={{ exact: true, includeSearch: false }}>
        {t('userPage.tabProfile')}
      </SectionLink>
      <SectionLink to="/$app/users/$username/groups" params={params}>
        {t('userPage.tabGroups')}
      </SectionLink>
      <SectionLink to="/$app/users/$username/friends" params={params}>
        {t('userPage.tabFriends')}
      </SectionLink>
      <SectionLink to="/$app/users/$username/blacklist" params={params}>
        {t('userPage.tabBlacklist')}
      </SectionLink>
    </SectionNav>
  );
}
