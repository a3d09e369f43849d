import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';
import { describeError } from '@/lib/api-client/describe-error';

type ErrorStateProps = {
  error: unknown;
  /** Shown as a real button; omitted when trying again cannot help. */
  onRetry?: () => void;
  title?: string;
};

/** A failed load, said plainly with the API's own message, and a way to try again. */
export function ErrorState({ error, onRetry, title }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={title ?? t('error.title')} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{describeError(t, error)}</Text>
        {onRetry && (
          <Button variant="light" color="red" onClick={onRetry}>
            {t('error.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
