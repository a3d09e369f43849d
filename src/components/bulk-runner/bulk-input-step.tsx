import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { ParsedNames } from '@/lib/bulk/parse-names';
import { NameProblems } from './name-problems';
import { StepText } from './step-focus';

type BulkInputStepProps = {
  /** How many items were chosen in a table (0: none). */
  selected: number;
  /** Whether names can be pasted (always without a selection). */
  withPaste: boolean;
  text: string;
  onText: (text: string) => void;
  /** The selection and the pasted names, checked. */
  parsed: ParsedNames;
  /** The endpoint's limit per call, to say how many calls it will take. */
  limit: number;
  extra?: ReactNode;
  /** Why the action cannot start as things stand. */
  refusal?: string;
  /** This step is the confirmation: it says what will happen and its button starts the run. */
  inline: boolean;
  describe: (count: number) => string;
  confirmLabel: string;
  destructive?: boolean;
  onCancel: () => void;
  /** Review (to the confirmation), or start when `inline`. */
  onNext: () => void;
};

/** The first step: what the action will be sent to, checked before anything is sent. */
export function BulkInputStep(props: BulkInputStepProps) {
  const { t } = useTranslation();
  const { selected, parsed, refusal, inline } = props;
  const count = parsed.valid.length;
  return (
    <Stack>
      {selected > 0 && <StepText>{t('bulk.fromSelection', { count: selected })}</StepText>}
      {props.withPaste && (
        <Textarea
          label={selected > 0 ? t('bulk.inputMore') : t('bulk.input')}
          description={t('bulk.inputHint')}
          value={props.text}
          onChange={(e) => props.onText(e.currentTarget.value)}
          autosize
          minRows={selected > 0 ? 2 : 4}
          maxRows={12}
          data-autofocus
        />
      )}
      <InputChecks parsed={parsed} limit={props.limit} />
      {props.extra}
      {refusal ? (
        <Alert color="yellow" p="xs">
          {refusal}
        </Alert>
      ) : (
        inline && count > 0 && <Text fw={500}>{props.describe(count)}</Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onCancel}>
          {t('common.cancel')}
        </Button>
        <Button color={inline && props.destructive ? 'red' : undefined} disabled={count === 0 || refusal !== undefined} onClick={props.onNext}>
          {inline ? props.confirmLabel : t('bulk.next')}
        </Button>
      </Group>
    </Stack>
  );
}

/** What will be sent, and what will not (and why), before anything is sent. */
function InputChecks({ parsed, limit }: { parsed: ParsedNames; limit: number }) {
  const { t } = useTranslation();
  const calls = Math.ceil(parsed.valid.length / limit);
  return (
    <Stack gap={4} aria-live="polite">
      {parsed.valid.length > 0 ? (
        <Text size="sm">
          {t('bulk.valid', { count: parsed.valid.length })} {t('bulk.calls', { count: calls, limit })}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('bulk.nothingValid')}
        </Text>
      )}
      <NameProblems parsed={parsed} />
    </Stack>
  );
}
