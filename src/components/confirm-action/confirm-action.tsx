import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { describeError } from '@/lib/api-client/describe-error';
import { useTranslation } from '@/lib/i18n/react';
import { openConfirm } from './confirm-store';

export type ConfirmOptions = {
  title: string;
  /** What will happen, in the page's words: "Remove 37 members from group X". */
  message: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  /** For irreversible actions: the name or ID the user must type before confirming. */
  typeToConfirm?: string;
  /** May be async: the button shows progress; on failure the dialog stays open (the error is notified). */
  onConfirm: () => unknown;
  /**
   * A refusal the user should read before anything else (a rule of the server's): said in the
   * dialog instead, so give its mutation `meta.handlesError`.
   */
  showsError?: boolean;
  /** Called after the dialog has closed, whether confirmed or not. */
  onClosed?: () => void;
};

/** The one confirmation pattern for destructive actions (shown by the app's ConfirmHost). */
export function confirmAction(options: ConfirmOptions): void {
  openConfirm(options);
}

type ConfirmBodyProps = Omit<ConfirmOptions, 'title' | 'onClosed'> & {
  /**
   * After the confirmed action has succeeded (close the dialog). Omitted where the action itself
   * replaces this view, as a bulk run's progress does.
   */
  onConfirmed?: () => void;
  onCancel: () => void;
  /** Nothing can be confirmed as things stand (the message says why). */
  disabled?: boolean;
};

export function ConfirmBody({ message, confirmLabel, destructive, typeToConfirm, onConfirm, showsError, onConfirmed, onCancel, disabled }: ConfirmBodyProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown }>();
  const matches = typeToConfirm === undefined || typed.trim() === typeToConfirm;

  const confirm = async () => {
    setPending(true);
    setFailure(undefined);
    try {
      await onConfirm();
      onConfirmed?.();
    } catch (error) {
      // The mutation's notification (or, with `showsError`, the dialog) says why; the dialog stays so the user can retry or cancel.
      if (showsError) setFailure({ error });
      setPending(false);
    }
  };

  return (
    <Stack>
      {typeof message === 'string' ? <Text>{message}</Text> : message}
      {typeToConfirm !== undefined && (
        <TextInput
          label={t('confirm.typeToConfirm', { value: typeToConfirm })}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          error={typed && !matches ? t('confirm.mismatch', { value: typeToConfirm }) : undefined}
          autoComplete="off"
          data-autofocus
        />
      )}
      {failure && (
        <Alert color="red" role="alert">
          {describeError(t, failure.error)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={pending}>
          {t('common.cancel')}
        </Button>
        <Button color={destructive ? 'red' : undefined} disabled={!matches || disabled} loading={pending} onClick={() => void confirm()}>
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}
