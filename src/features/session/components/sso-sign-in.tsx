import { Alert, Button, Divider } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';
import { ssoStartHref, type SignInOptions } from '../api/sign-in-options';

type Props = {
  options: SignInOptions;
};

/** Why the provider's sign-in was refused (once), and the button to sign in through it. */
export function SsoSignIn({ options }: Props) {
  const { t } = useTranslation();
  const { sso, refusal, localSignIn } = options;
  const here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  return (
    <>
      {refusal && (
        <Alert color="red" title={t('sso.refusedTitle')} role="alert">
          {t(`sso.refusal.${refusal}`)}
        </Alert>
      )}
      {sso && (
        // A plain link: the server sends the browser on to the provider (not a call from the page).
        <Button component="a" href={ssoStartHref(here)} variant={localSignIn ? 'default' : 'filled'} fullWidth>
          {t('sso.button', { label: sso.label })}
        </Button>
      )}
      {sso && localSignIn && <Divider label={t('sso.or')} labelPosition="center" />}
    </>
  );
}
