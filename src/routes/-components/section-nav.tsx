import { Button, Group, type ButtonProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { ComponentPropsWithRef, ReactNode } from 'react';

type ButtonAnchorProps = ButtonProps & Omit<ComponentPropsWithRef<'a'>, keyof ButtonProps>;

function ButtonAnchor(props: ButtonAnchorProps) {
  return <Button component="a" size="sm" {...props} />;
}

const CreatedSectionLink = createLink(ButtonAnchor);

/** A section link: the router marks the current one with `aria-current="page"`, the look follows. */
export const SectionLink: LinkComponent<typeof ButtonAnchor> = (props) => (
  <CreatedSectionLink
    activeOptions={{ includeSearch: false }}
    activeProps={{ variant: 'light', fw: 700 }}
    inactiveProps={{ variant: 'subtle', color: 'gray' }}
    {...props}
  />
);

/**
 * A page's sections as links in a labelled navigation (not ARIA tabs: each section is its own
 * route, so there are no tab panels to point at). Deep links, reload and Back show a section; the
 * keyboard moves with Tab and opens with Enter.
 */
export function SectionNav({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group component="nav" aria-label={label} gap={4} mb="md" pb={6} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      {children}
    </Group>
  );
}
