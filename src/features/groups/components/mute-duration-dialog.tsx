import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { DURATION_UNITS, parseCustomDuration, type CustomDurationError, type DurationUnit, type MuteDuration } from './mute-duration';

const UNIT_KEY = {
  minutes: 'groupModeration.unitMinutes',
  hours: 'groupModeration.unitHours',
  days: 'groupModeration.unitDays',
} as const satisfies Record<DurationUnit, string>;

const ERROR_KEY = {
  required: 'groupModeration.customRequired',
  whole: 'groupModeration.customWhole',
  'too-small': 'groupModeration.customTooSmall',
  'too-large': 'groupModeration.customTooLarge',
} as const satisfies Record<CustomDurationError, string>;

type Props = {
  opened: boolean;
  onClose: () => void;
  /** Called with a valid duration only. */
  onChoose: (duration: MuteDuration) => void;
};

/** A custom mute duration: a whole number and a unit, checked before anything is sent. */
export function MuteDurationDialog({ opened, onClose, onChoose }: Props) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState<DurationUnit>('hours');
  const [touched, setTouched] = useState(false);
  const parsed = parseCustomDuration(amount, unit);
  const error = touched && !parsed.ok ? t(ERROR_KEY[parsed.error], { max: parsed.max, unit: t(UNIT_KEY[unit]) }) : undefined;

  const submit = () => {
    setTouched(true);
    if (parsed.ok) onChoose(parsed.duration);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('groupModeration.customTitle')} closeButtonProps={{ 'aria-label': t('common.closeDialog') }}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Group align="flex-start" grow>
            <TextInput
              label={t('groupModeration.customAmount')}
              inputMode="numeric"
              autoComplete="off"
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              onBlur={() => setTouched(true)}
              error={error}
              required
              data-autofocus
            />
            <NativeSelect
              label={t('groupModeration.customUnit')}
              value={unit}
              onChange={(e) => setUnit(e.currentTarget.value as DurationUnit)}
              data={DURATION_UNITS.map((u) => ({ value: u, label: t(UNIT_KEY[u]) }))}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{t('groupModeration.customContinue')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
