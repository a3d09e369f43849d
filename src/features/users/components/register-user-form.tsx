import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useInvalidateUsers } from '@/features/users/api/invalidate';
import { REGISTER_LIMITS, registerUser, type Registration } from '@/features/users/api/register-users';
import { isApiError } from '@/lib/api-client/api-error';
import { describeError } from '@/lib/api-client/describe-error';
import { UserLink } from '@/components/user-link/user-link';
import { nicknameTooLong, passwordProblem, storedUsername, usernameProblem } from './register-rules';

type Props = {
  app: string;
};

/**
 * One new user. Every rule is checked as you type; on failure everything typed stays, with the
 * API's reason. The password is never shown or kept once the call is over.
 */
export function RegisterUserForm({ app }: Props) {
  const { t } = useTranslation();
  const invalidate = useInvalidateUsers(app);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [nickname, setNickname] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [created, setCreated] = useState<string | undefined>();
  const [failure, setFailure] = useState<{ error: unknown; username: string } | undefined>();
  const usernameRef = useRef<HTMLInputElement>(null);
  const register = useMutation({
    mutationFn: (user: Registration) => registerUser(app, user),
    // No cache entry should hold the password after the call.
    gcTime: 0,
    meta: { successMessage: (user: Registration) => t('userRegister.created', { username: user.username }), handlesError: true },
  });

  const name = storedUsername(username);
  const nameProblem = usernameProblem(username);
  const pwProblem = passwordProblem(password);
  // The mismatch shows once the second entry is as long as the first, or on submit.
  const mismatch = repeat !== password && (submitted || repeat.length >= password.length) && repeat.length > 0;
  const repeatMissing = submitted && repeat.length === 0 && password.length > 0;
  const nickTooLong = nicknameTooLong(nickname);
  const invalid = nameProblem !== undefined || pwProblem !== undefined || repeat !== password || nickTooLong;

  const usernameError =
    nameProblem === 'too-long'
      ? t('userRegister.usernameTooLong', { max: REGISTER_LIMITS.username, count: name.length })
      : nameProblem === 'characters'
        ? t('userRegister.usernameCharacters')
        : nameProblem === 'required' && submitted
          ? t('userRegister.usernameRequired')
          : undefined;
  const passwordError =
    pwProblem === 'too-long'
      ? t('userRegister.passwordTooLong', { max: REGISTER_LIMITS.password, count: password.length })
      : pwProblem === 'required' && submitted
        ? t('userRegister.passwordRequired')
        : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setCreated(undefined);
    setFailure(undefined);
    if (invalid) return;
    const user: Registration = { username: name, password, ...(nickname.trim() ? { nickname: nickname.trim() } : {}) };
    try {
      const entity = await register.mutateAsync(user);
      setUsername('');
      setPassword('');
      setRepeat('');
      setNickname('');
      setSubmitted(false);
      setCreated(entity.username);
      invalidate([entity.username]);
      usernameRef.current?.focus();
    } catch (error) {
      // Shown below the fields; what was typed stays.
      setFailure({ error, username: user.username });
    } finally {
      // The mutation's state holds the variables (the password): drop them now.
      register.reset();
    }
  };

  let failureText: string | undefined;
  if (failure) {
    failureText =
      isApiError(failure.error) && failure.error.error === 'duplicate_unique_property_exists'
        ? t('userRegister.exists', { username: failure.username })
        : describeError(t, failure.error);
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('userRegister.oneTitle')}>
      <Stack maw={480}>
        <TextInput
          ref={usernameRef}
          label={t('userRegister.username')}
          description={
            name !== '' && name !== username.trim() && nameProblem === undefined
              ? t('userRegister.storedAs', { username: name })
              : t('userRegister.usernameHint', { max: REGISTER_LIMITS.username })
          }
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          error={usernameError}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <TextInput
          type="password"
          label={t('userRegister.password')}
          description={t('userRegister.passwordHint', { max: REGISTER_LIMITS.password })}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={passwordError}
          autoComplete="new-password"
          required
        />
        <TextInput
          type="password"
          label={t('userRegister.repeatPassword')}
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={mismatch ? t('userRegister.passwordMismatch') : repeatMissing ? t('userRegister.repeatRequired') : undefined}
          autoComplete="new-password"
          required
        />
        <TextInput
          label={t('userRegister.nickname')}
          description={t('userRegister.nicknameHint', { max: REGISTER_LIMITS.nickname })}
          value={nickname}
          onChange={(e) => setNickname(e.currentTarget.value)}
          error={nickTooLong ? t('userRegister.nicknameTooLong', { max: REGISTER_LIMITS.nickname, count: nickname.length }) : undefined}
        />
        {failureText && (
          <Alert color="red" role="alert" title={t('userRegister.failed')}>
            {failureText}
          </Alert>
        )}
        {created && (
          <Alert color="green" role="status" title={t('userRegister.createdTitle')}>
            <Text size="sm">
              {t('userRegister.createdOpen')} {<UserLink app={app} username={created} />}
            </Text>
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={register.isPending}>
            {t('userRegister.submitOne')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
