import { useTranslation } from '@/lib/i18n/react';
import { SectionLink, SectionNav } from '@/routes/-components/section-nav';

/** The sections of the group page, each its own route. */
export function GroupSections({ app, groupId, groupName }: { app: string; groupId: string; groupName: string }) {
  const { t } = useTranslation();
  const params = { app, groupId };
  return (
    <SectionNav label={t('groupPage.sections', { group: groupName })}>
      <SectionLink to="/$app/groups/$groupId" params={params} activeOptions={{ exact: true, includeSearch: false }}>
        {t('groupPage.tabMembers')}
      </SectionLink>
      <SectionLink to="/$app/groups/$groupId/admins" params={params}>
        {t('groupPage.tabAdmins')}
      </SectionLink>
      <SectionLink to="/$app/groups/$groupId/mutes" params={params}>
        {t('groupPage.tabMutes')}
      </SectionLink>
      <SectionLink to="/$app/groups/$groupId/blacklist" params={params}>
        {t('groupPage.tabBlacklist')}
      </SectionLink>
      <SectionLink to="/$app/groups/$groupId/whitelist" params={params}>
        {t('groupPage.tabWhitelist')}
      </SectionLink>
      <SectionLink to="/$app/groups/$groupId/attributes" params={params}>
        {t('groupPage.tabAttributes')}
      </SectionLink>
    </SectionNav>
  );
}
