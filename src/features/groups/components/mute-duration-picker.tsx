import { Group, NativeSelect, Radio, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { DURATION_UNITS, MUTE_PRESETS, parseCustomDuration, type DurationUnit, type MuteDuration, type MutePreset } from './mute-duration';
import { CUSTOM_ERROR_KEY, presetText, UNIT_KEY } from './mute-duration-text';

type Props = {
  /** Called with a valid duration, or `undefined` while the choice is incomplete (custom amount not valid yet). */
  onChange: (duration: MuteDuration | undefined) => void;
};

/**
 * How long a mute lasts, chosen inside the dialog that mutes: the presets as one radio group, and
 * "Custom" with an amount and a unit checked as typed. Nothing is chosen at first: a mute's length
 * is the moderator's decision.
 */
export function MuteDurationPicker({ onChange }: Props) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<MutePreset | 'custom' | ''>('');
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState<DurationUnit>('hours');
  const [touched, setTouched] = useState(false);
  const custom = parseCustomDuration(amount, unit);
  const error = choice === 'custom' && touched && !custom.ok ? t(CUSTOM_ERROR_KEY[custom.error], { max: custom.max, unit: t(UNIT_KEY[unit]) }) : undefined;

  const report = (next: { choice: typeof choice; amount: string; unit: DurationUnit }) => {
    if (next.choice === '') return onChange(undefined);
    if (next.choice !== 'custom') return onChange({ kind: 'preset', preset: next.choice });
    const parsed = parseCustomDuration(next.amount, next.unit);
    onChange(parsed.ok ? parsed.duration : undefined);
  };

  return (
    <Stack gap="xs">
      <Radio.Group
        label={t('groupModeration.muteFor')}
        value={choice}
        onChange={(v) => {
          const next = v as typeof choice;
          setChoice(next);
          report({ choice: next, amount, unit });
        }}
      >
        <Group gap="md" mt={6}>
          {MUTE_PRESETS.map((preset) => (
            <Radio key={preset} value={preset} label={presetText(t, preset)} />
          ))}
          <Radio value="custom" label={t('groupModeration.presetCustom')} />
        </Group>
      </Radio.Group>
      {choice === 'custom' && (
        <Group align="flex-start" grow>
          <TextInput
            label={t('groupModeration.customAmount')}
            inputMode="numeric"
            autoComplete="off"
            value={amount}
            onChange={(e) => {
              setAmount(e.currentTarget.value);
              report({ choice, amount: e.currentTarget.value, unit });
            }}
            onBlur={() => setTouched(true)}
            error={error}
            required
          />
          <NativeSelect
            label={t('groupModeration.customUnit')}
            value={unit}
            onChange={(e) => {
              const next = e.currentTarget.value as DurationUnit;
              setUnit(next);
              setTouched(true);
              report({ choice, amount, unit: next });
            }}
            data={DURATION_UNITS.map((u) => ({ value: u, label: t(UNIT_KEY[u]) }))}
          />
        </Group>
      )}
    </Stack>
  );
}
