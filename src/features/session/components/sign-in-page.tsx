import { Alert, Center, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { SignedIn } from '../api/sign-in';
import { useSignInOptions } from '../api/sign-in-options';
import { SessionCardPage } from './session-card-page';
import { SignInForm } from './sign-in-form';
import { SsoSignIn } from './sso-sign-in';

type Props = {
  /** Why the page shows: a first visit, an expired session, or a sign-out just now. */
  reason: 'initial' | 'expired' | 'signed-out';
  onSignedIn: (session: SignedIn) => void;
  /** The language and colour-scheme pickers, from the shell. */
  tools?: ReactNode;
};

/** Shown instead of the pages (or over them, when a session expired) until the operator signs in. */
export default function SignInPage({ reason, onSignedIn, tools }: Props) {
  const { t } = useTranslation();
  // Never fails (no answer: the password form only); waited for, so neither way flashes past.
  const options = useSignInOptions();
  return (
    <SessionCardPage heading={t('session.signInTitle')} tabTitle={t('session.submit')} tools={tools}>
      {reason === 'expired' ? (
        <Alert color="yellow" role="status">
          {t('session.expired')}
        </Alert>
      ) : reason === 'signed-out' ? (
        <Alert color="blue" role="status">
          {t('session.signedOut')}
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {t('session.signInIntro')}
        </Text>
      )}
      {options.data ? (
        <>
          <SsoSignIn options={options.data} />
          {options.data.localSignIn && <SignInForm onSignedIn={onSignedIn} />}
        </>
      ) : (
        <Center>
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      )}
    </SessionCardPage>
  );
}
