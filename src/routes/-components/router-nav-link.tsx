import { NavLink, type NavLinkProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

type AnchorNavLinkProps = NavLinkProps & Omit<ComponentPropsWithRef<'a'>, keyof NavLinkProps>;

function AnchorNavLink(props: AnchorNavLinkProps) {
  return <NavLink component="a" {...props} />;
}

const CreatedNavLink = createLink(AnchorNavLink);

/** Mantine NavLink with type-checked router targets; highlighted while its route is active. */
export const RouterNavLink: LinkComponent<typeof AnchorNavLink> = (props) => (
  <CreatedNavLink activeProps={{ active: true }} {...props} />
);
