import { Center, Container, Loader } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import type { I18n } from '@/lib/i18n/i18n';
import { createRootRouteWithContext, Outlet, useRouter } from '@tanstack/react-router';
import { Suspense } from 'react';
import { ErrorState } from '@/components/error-state/error-state';
import { checkSession, startSessionCheck } from '@/features/session/api/get-session';
import { useTranslation } from '@/lib/i18n/react';
import { lazyWithPages } from '@/lib/i18n/lazy-with-pages';
import { setSessionState, useSessionState } from '@/lib/session/session-store';
import { AppLayout } from './-components/app-layout';
import { ColorSchemeSelect } from './-components/color-scheme-select';
import { LanguageSwitcher } from './-components/language-switcher';
import { NotFound } from './-components/not-found';
import { RouteError } from './-components/route-error';

export type RouterContext = {
  queryClient: QueryClient;
  i18n: I18n;
};

// Only operators who are signed out ever see it: it stays out of the first screen. Its single
// sign-on strings are in the `pages` part.
const SignInPage = lazyWithPages(() => import('@/features/session/components/sign-in-page'));
const SecondFactorRequiredPage = lazyWithPages(() => import('@/features/session/components/second-factor-required-page'));

export const Route = createRootRouteWithContext<RouterContext>()({
  // Not awaited: the session answer arrives alongside the page's own calls, never before them.
  // Nothing here waits, so the shell can be drawn while a page loads (the `/$app` route's pending).
  beforeLoad: () => startSessionCheck(),
  component: RootComponent,
  // An unmatched URL renders this in the root's <Outlet/>, so the shell stays around it.
  notFoundComponent: NotFound,
  // Page errors are caught by each route's own boundary (the router's defaultErrorComponent);
  // this one is only reached when the shell itself fails, so it must not render the shell again.
  errorComponent: (props) => (
    <Container py="xl">
      <RouteError {...props} />
    </Container>
  ),
});

function RootComponent() {
  const { t } = useTranslation();
  const session = useSessionState();
  const router = useRouter();
  const { queryClient } = Route.useRouteContext();

  // The URL never changed: the page asked for loads again, now with a session. Every cached
  // answer may be a 401 from before, so all of them are refreshed, not one feature's keys.
  const signedIn = () => {
    void queryClient.invalidateQueries();
    void router.invalidate();
  };
  // Pages of their own (sign-in, second-factor setup): loaded when needed, with the shell's pickers.
  const fallback = (
    <Center h="100dvh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
  const tools = (
    <>
      <ColorSchemeSelect />
      <LanguageSwitcher />
    </>
  );
  const signIn = (reason: 'initial' | 'expired' | 'signed-out') => (
    <Suspense fallback={fallback}>
      <SignInPage reason={reason} onSignedIn={signedIn} tools={tools} />
    </Suspense>
  );

  if (session.status === 'signed-out' && session.reason !== 'expired') return signIn(session.reason);
  // REQUIRE_2FA: nothing else answers this session until it has a second factor.
  if (session.status === 'signed-in' && session.mustEnrol) {
    return (
      <Suspense fallback={fallback}>
        <SecondFactorRequiredPage
          username={session.username}
          onDone={() => {
            setSessionState({ ...session, mustEnrol: undefined });
            signedIn();
          }}
          tools={tools}
        />
      </Suspense>
    );
  }
  // An expired session covers the page rather than replacing it, so what was typed there survives.
  const expired = session.status === 'signed-out';
  return (
    <>
      <div inert={expired} style={{ display: 'contents' }}>
        <AppLayout>
          {session.status === 'error' && (
            <ErrorState title={t('session.checkFailed')} error={session.error} onRetry={() => void checkSession()} />
          )}
          <Outlet />
        </AppLayout>
      </div>
      {expired && (
        <div role="dialog" aria-modal="true" aria-label={t('session.signInTitle')} style={{ position: 'fixed', inset: 0, zIndex: 300, overflowY: 'auto', background: 'var(--mantine-color-body)' }}>
          {signIn('expired')}
        </div>
      )}
    </>
  );
}
