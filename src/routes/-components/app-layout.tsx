import { Anchor, AppShell, Burger, Group, Image, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './language-switcher';
import { RouterNavLink } from './router-nav-link';

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [navbarOpened, { toggle: toggleNavbar, close: closeNavbar }] = useDisclosure();

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navbarOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navbarOpened}
              onClick={toggleNavbar}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
            />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Group gap="xs" wrap="nowrap">
                <Image src="/favicon.svg" alt="" w={28} h={28} />
                <Text fw={700} size="lg">
                  {t('app.title')}
                </Text>
              </Group>
            </Anchor>
          </Group>
          <LanguageSwitcher />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        {/* On small screens the navbar overlays the page, so close it once a page is chosen. */}
        <RouterNavLink to="/users" label={t('nav.users')} onClick={closeNavbar} />
        <RouterNavLink to="/groups" label={t('nav.groups')} onClick={closeNavbar} />
      </AppShell.Navbar>

      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
