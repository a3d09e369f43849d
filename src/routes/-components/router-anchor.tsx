import { Anchor, type AnchorProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

type AnchorLinkProps = AnchorProps & Omit<ComponentPropsWithRef<'a'>, keyof AnchorProps>;

function AnchorLink(props: AnchorLinkProps) {
  return <Anchor component="a" {...props} />;
}

const CreatedAnchorLink = createLink(AnchorLink);

/** Mantine Anchor with type-checked router targets and params. */
export const RouterAnchor: LinkComponent<typeof AnchorLink> = (props) => <CreatedAnchorLink {...props} />;
