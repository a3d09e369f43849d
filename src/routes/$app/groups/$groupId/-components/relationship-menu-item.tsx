import { Menu, type MenuItemProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';
import { useTranslation } from '@/lib/i18n/react';

type MenuAnchorProps = MenuItemProps & Omit<ComponentPropsWithRef<'a'>, keyof MenuItemProps>;

function MenuAnchor(props: MenuAnchorProps) {
  return <Menu.Item component="a" {...props} />;
}

/** A menu item that is a router link (a real `<a>`: it opens in a new tab too). */
const MenuLink = createLink(MenuAnchor);

/** In a roster row's menu: "why can't this member talk to someone?", the relationship check with the member filled in. */
export function RelationshipMenuItem({ app, username }: { app: string; username: string }) {
  const { t } = useTranslation();
  return (
    <MenuLink to="/$app/relationship" params={{ app }} search={{ a: username }}>
      {t('groupMembers.relationshipRow')}
    </MenuLink>
  );
}
