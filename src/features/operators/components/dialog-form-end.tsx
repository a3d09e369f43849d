import { Alert, Button, Group } from '@mantine/core';
import { describeError } from '@/lib/api-client/describe-error';
import { useTranslation } from '@/lib/i18n/react';

type Props = {
  /** The form's mutation: its refusal is said here, its progress on the submit button. */
  mutation: { isError: boolean; error: unknown; isPending: boolean };
  /** The refusal's heading ("Not added"). */
  failedTitle: string;
  submitLabel: string;
  onCancel: () => void;
};

/** The end of a dialog's form: what the server refused, if it did, then Cancel and the submit button. */
export function DialogFormEnd({ mutation, failedTitle, submitLabel, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {mutation.isError && (
        <Alert color="red" role="alert" title={failedTitle}>
          {describeError(t, mutation.error)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={mutation.isPending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={mutation.isPending}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
