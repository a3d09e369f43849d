import { Button, Group, type ButtonProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';
import { useTranslation } from '@/lib/i18n/react';

type ButtonAnchorProps = ButtonProps & Omit<ComponentPropsWithRef<'a'>, keyof ButtonProps>;

function ButtonAnchor(props: ButtonAnchorProps) {
  return <Button component="a" size="sm" {...props} />;
}

const CreatedTabLink = createLink(ButtonAnchor);

/** A section link: the router marks the current one with `aria-current="page"`, the look follows. */
const TabLink: LinkComponent<typeof ButtonAnchor> = (props) => (
  <CreatedTabLink
    activeOptions={{ includeSearch: false }}
    activeProps={{ variant: 'light', fw: 700 }}
    inactiveProps={{ variant: 'subtle', color: 'gray' }}
    {...props}
  />
);

/**
 * The sections of the user page as links in a labelled navigation: each is its own URL, so a deep
 * link, reload and Back show it; the keyboard moves with Tab and opens with Enter.
 */
export function UserTabs({ app, username }: { app: string; username: string }) {
  const { t } = useTranslation();
  const params = { app, username };
  return (
    <Group component="nav" aria-label={t('userPage.sections', { username })} gap={4} mb="md" pb={6} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <TabLink to="/$app/users/$username" params={params} activeOptions={{ exact: true, includeSearch: false }}>
        {t('userPage.tabProfile')}
      </TabLink>
      <TabLink to="/$app/users/$username/groups" params={params}>
        {t('userPage.tabGroups')}
      </TabLink>
      <TabLink to="/$app/users/$username/friends" params={params}>
        {t('userPage.tabFriends')}
      </TabLink>
      <TabLink to="/$app/users/$username/blacklist" params={params}>
        {t('userPage.tabBlacklist')}
      </TabLink>
    </Group>
  );
}
