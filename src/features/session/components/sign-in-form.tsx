import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { isApiError } from '@/lib/api-client/api-error';
import { describeError } from '@/lib/api-client/describe-error';
import { useTranslation } from '@/lib/i18n/react';
import type { TFunction } from '@/lib/i18n/translate';
import { useSignIn, type SignedIn } from '../api/sign-in';

type Props = {
  onSignedIn?: (session: SignedIn) => void;
};

/**
 * Username and password, then (when the account has one) the second factor's code; what the
 * server says on a refusal; nothing typed is lost.
 */
export function SignInForm({ onSignedIn }: Props) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  // Set once the server asked for the second factor; the code field stays from then on.
  const [askCode, setAskCode] = useState(false);
  const [invalid, setInvalid] = useState<{ username?: string; password?: string; code?: string }>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const signIn = useSignIn({ onSuccess: onSignedIn });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      username: username.trim() ? undefined : t('session.usernameRequired'),
      password: password ? undefined : t('session.passwordRequired'),
      code: !askCode || code.trim() ? undefined : t('session.codeRequired'),
    };
    setInvalid(problems);
    if (problems.username) return usernameRef.current?.focus();
    if (problems.password) return passwordRef.current?.focus();
    if (problems.code) return codeRef.current?.focus();
    signIn.mutate(
      { username: username.trim(), password, ...(askCode ? { code: code.trim() } : {}) },
      {
        onError: (error) => {
          const second = isApiError(error) ? error.error : '';
          if (second === 'second_factor_required' || second === 'invalid_second_factor') {
            setCode('');
            // A new field takes the focus as it mounts (autoFocus); one already there now.
            if (askCode) codeRef.current?.focus();
            else setAskCode(true);
          } else {
            // Refused: the password field is where the operator most likely erred.
            passwordRef.current?.focus();
          }
        },
      },
    );
  };
  const codeAsked = signIn.isError && isApiError(signIn.error) && signIn.error.error === 'second_factor_required';

  return (
    <form onSubmit={submit} noValidate aria-label={t('session.submit')}>
      <Stack gap="md">
        {signIn.isError && !codeAsked && (
          <Alert color="red" title={t('session.failedTitle')} role="alert">
            {errorText(signIn.error, t)}
          </Alert>
        )}
        <TextInput
          ref={usernameRef}
          label={t('session.username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          data-autofocus
          autoFocus
          required
          value={username}
          error={invalid.username}
          onChange={(e) => setUsername(e.currentTarget.value)}
        />
        <PasswordInput
          ref={passwordRef}
          label={t('session.password')}
          name="password"
          autoComplete="current-password"
          required
          value={password}
          error={invalid.password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        {askCode && (
          <TextInput
            ref={codeRef}
            label={t('session.code')}
            description={t('session.codeHint')}
            name="one-time-code"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            required
            value={code}
            error={invalid.code}
            onChange={(e) => setCode(e.currentTarget.value)}
          />
        )}
        <Button type="submit" loading={signIn.isPending}>
          {t('session.submit')}
        </Button>
      </Stack>
    </form>
  );
}

function errorText(error: unknown, t: TFunction): string {
  // The server's own words for a wrong name or password (or a disabled account).
  if (isApiError(error) && error.status === 401 && error.description) return error.description;
  return describeError(t, error);
}
