import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { PASSWORD_MAX, useResetPassword } from '@/features/users/api/reset-password';

type Props = {
  app: string;
  username: string;
  /** After a successful reset (the fields are already cleared). */
  onDone?: () => void;
  onCancel?: () => void;
};

type PasswordErrors = { password?: 'required' | 'tooLong'; repeat?: 'mismatch' };

export function validatePassword(password: string, repeat: string): PasswordErrors {
  const errors: PasswordErrors = {};
  // UTF-16 length, as the service counts it: an emoji takes two.
  if (password.length === 0) errors.password = 'required';
  else if (password.length > PASSWORD_MAX) errors.password = 'tooLong';
  if (!errors.password && repeat !== password) errors.repeat = 'mismatch';
  return errors;
}

/**
 * A new password, typed twice. Plain password inputs (no "show" toggle): the password is never
 * shown, logged, put in the URL or kept in the query cache after the call.
 */
export function ResetPasswordForm({ app, username, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const reset = useResetPassword(app, username);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const errors = validatePassword(password, repeat);
  const invalid = errors.password !== undefined || errors.repeat !== undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (invalid) return;
    try {
      await reset.mutateAsync(password);
      setPassword('');
      setRepeat('');
      setSubmitted(false);
      onDone?.();
    } catch {
      // The API's message is notified; what was typed stays so the user can try again.
    } finally {
      // Drop the password from the mutation's state right away.
      reset.reset();
    }
  };

  const passwordError =
    errors.password === 'tooLong'
      ? t('userPage.passwordTooLong', { max: PASSWORD_MAX, count: password.length })
      : submitted && errors.password === 'required'
        ? t('userPage.passwordRequired')
        : undefined;

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <Text size="sm">{t('userPage.resetHint')}</Text>
        <TextInput
          type="password"
          label={t('userPage.newPassword')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={passwordError}
          autoComplete="new-password"
          required
          data-autofocus
        />
        <TextInput
          type="password"
          label={t('userPage.repeatPassword')}
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={submitted && errors.repeat ? t('userPage.passwordMismatch') : undefined}
          autoComplete="new-password"
          required
        />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={reset.isPending}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" color="red" loading={reset.isPending}>
            {t('userPage.resetSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
