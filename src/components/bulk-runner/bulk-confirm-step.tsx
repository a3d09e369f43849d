import { Alert, Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { ConfirmBody } from '@/components/confirm-action/confirm-action';
import { StepText } from './step-focus';

type BulkConfirmStepProps = {
  /** What will happen: "Mute 137 members of group X for 1 hour". */
  sentence: string;
  refusal?: string;
  /** More about these items (what a removal will take away). */
  review?: ReactNode;
  /** The dialog opened here: offer the input step to add names. */
  onAddNames?: () => void;
  confirmLabel: string;
  destructive?: boolean;
  typeToConfirm?: string;
  /** Starts the run, whose progress replaces this step. */
  onStart: () => void;
  onCancel: () => void;
};

/** The confirmation of a run, in words, with what must be typed for a large or irreversible one. */
export function BulkConfirmStep(props: BulkConfirmStepProps) {
  const { t } = useTranslation();
  return (
    <ConfirmBody
      message={
        <Stack gap="sm">
          <StepText>{props.sentence}</StepText>
          {props.refusal && (
            <Alert color="yellow" p="xs">
              {props.refusal}
            </Alert>
          )}
          {props.review}
          {props.onAddNames && (
            <Group>
              <Button variant="subtle" size="compact-sm" onClick={props.onAddNames}>
                {t('bulk.addNames')}
              </Button>
            </Group>
          )}
        </Stack>
      }
      confirmLabel={props.confirmLabel}
      destructive={props.destructive}
      typeToConfirm={props.typeToConfirm}
      disabled={props.refusal !== undefined}
      onConfirm={props.onStart}
      onCancel={props.onCancel}
    />
  );
}
