import { Anchor, Box, Burger, Group, Image, Stack, Text, useMantineTheme } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Link, useNavigate, useParams, useRouter } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { AppSwitcher } from '@/features/connection/components/app-switcher';
import { ConnectionDot } from '@/features/connection/components/connection-status';
import { useApps } from '@/features/connection/api/get-apps';
import { SessionMenu } from '@/features/session/components/session-menu';
import { isAdminSession, useSessionState } from '@/lib/session/session-store';
import { ColorSchemeSelect } from './color-scheme-select';
import { GoToBox } from './go-to-box';
import { LanguageSwitcher } from './language-switcher';
import classes from './app-layout.module.css';
import { RouterNavLink } from './router-nav-link';

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [navbarOpened, { toggle: toggleNavbar, close: closeNavbar }] = useDisclosure();
  const { app: appParam } = useParams({ strict: false });
  const { data: apps } = useApps();
  const current = apps?.find((a) => a.id === appParam);
  // The location is read when switching, not subscribed to: every page, filter and sort change
  // would otherwise draw the whole shell again.
  const router = useRouter();
  const navigate = useNavigate();
  const session = useSessionState();
  // Drawn in one place only (both, one hidden by CSS, cost a third of the header's first render);
  // read at once, not after a first render, so they do not move.
  const wideQuery = `(min-width: ${useMantineTheme().breakpoints.xl})`;
  const wide = useMediaQuery(wideQuery, window.matchMedia(wideQuery).matches, { getInitialValueInEffect: false });

  // Switching keeps the page: only the app, the URL's first segment, changes.
  const switchApp = (next: string) => {
    const { location } = router.state;
    const rest = current ? location.pathname.split('/').slice(2).join('/') : '';
    void navigate({ href: `/${encodeURIComponent(next)}/${rest}${current ? location.searchStr : ''}` });
  };

  // The colour scheme, the language and the operator: in the header on wide screens, at the foot
  // of the navigation on narrower ones (the header would cut them off).
  const settings = (
    <>
      <ColorSchemeSelect />
      <LanguageSwitcher />
      <SessionMenu />
    </>
  );

  return (
    <>
      <header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger className={classes.burger} opened={navbarOpened} onClick={toggleNavbar} size="sm" aria-label={t('nav.toggle')} aria-expanded={navbarOpened} />
            {/* Named by its label: below the breakpoint the title is hidden and the logo has no text. */}
            <Anchor component={Link} to="/" underline="never" c="inherit" aria-label={t('app.title')}>
              <Group gap="xs" wrap="nowrap">
                <Image src="/favicon.svg" alt="" w={28} h={28} />
                <Text fw={700} size="lg" visibleFrom="md" style={{ whiteSpace: 'nowrap' }}>
                  {t('app.title')}
                </Text>
              </Group>
            </Anchor>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {current && <GoToBox app={current.id} />}
            <Group gap={6} wrap="nowrap">
              {current && <ConnectionDot app={current} />}
              <AppSwitcher current={current?.id} onSwitch={switchApp} />
            </Group>
            {wide && (
              <Group gap="sm" wrap="nowrap">
                {settings}
              </Group>
            )}
          </Group>
        </Group>
      </header>

      <Box component="nav" className={classes.navbar} mod={{ opened: navbarOpened }} aria-label={t('nav.label')}>
        {/* On small screens the navbar overlays the page, so close it once a page is chosen. */}
        {current && (
          <>
            <RouterNavLink to="/$app/users" params={{ app: current.id }} label={t('nav.users')} onClick={closeNavbar} />
            <RouterNavLink to="/$app/groups" params={{ app: current.id }} label={t('nav.groups')} onClick={closeNavbar} />
            {/* "Why can't these two talk?": every role may check, so it is not only behind a user page. */}
            <RouterNavLink to="/$app/relationship" params={{ app: current.id }} label={t('nav.relationship')} onClick={closeNavbar} />
            {isAdminSession(session) && <RouterNavLink to="/$app/audit" params={{ app: current.id }} label={t('session.navAudit')} onClick={closeNavbar} />}
            {isAdminSession(session) && <RouterNavLink to="/$app/operators" params={{ app: current.id }} label={t('nav.operators')} onClick={closeNavbar} />}
            {isAdminSession(session) && (
              <RouterNavLink to="/$app/search-settings" params={{ app: current.id }} label={t('userSearchBox.navSettings')} onClick={closeNavbar} />
            )}
            {session.status === 'signed-in' && <RouterNavLink to="/$app/account" params={{ app: current.id }} label={t('nav.account')} onClick={closeNavbar} />}
          </>
        )}
        {/* Where the header has no room for them. */}
        {!wide && (
          <Stack gap="sm" mt="md">
            {settings}
          </Stack>
        )}
      </Box>

      <main className={classes.main}>{children}</main>
    </>
  );
}
