import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { AuditFilters } from '../api/get-audit';

type Props = {
  value: AuditFilters;
  /** With the empty fields left out; the page goes back to the first page of results. */
  onChange: (next: AuditFilters) => void;
};

const FIELDS = ['operator', 'target', 'action'] as const;

/** Operator, target, action and a date range; applied on submit so typing does not reload the log. */
export function AuditFiltersForm({ value, onChange }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilters>(value);
  const [rangeError, setRangeError] = useState(false);
  // A Back/forward or a link changes the URL: the fields follow it.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }

  const set = (key: keyof AuditFilters, v: string) => setDraft((d) => ({ ...d, [key]: v }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) return setRangeError(true);
    setRangeError(false);
    const clean = Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v?.trim() || undefined])) as AuditFilters;
    onChange(clean);
  };
  const clear = () => {
    setRangeError(false);
    setDraft({});
    onChange({});
  };

  return (
    <form onSubmit={submit} aria-label={t('audit.filters')} noValidate>
      <Group align="flex-end" gap="sm" wrap="wrap">
        {FIELDS.map((key) => (
          <TextInput
            key={key}
            label={t(`audit.${key}`)}
            description={key === 'action' ? t('audit.actionHint') : undefined}
            value={draft[key] ?? ''}
            onChange={(e) => set(key, e.currentTarget.value)}
            w={180}
          />
        ))}
        <TextInput type="date" label={t('audit.from')} value={draft.from ?? ''} onChange={(e) => set('from', e.currentTarget.value)} w={170} />
        <TextInput
          type="date"
          label={t('audit.to')}
          value={draft.to ?? ''}
          onChange={(e) => set('to', e.currentTarget.value)}
          error={rangeError ? t('audit.rangeInvalid') : undefined}
          w={170}
        />
        <Group gap="xs">
          <Button type="submit">{t('audit.apply')}</Button>
          <Button variant="default" onClick={clear}>
            {t('audit.clear')}
          </Button>
        </Group>
      </Group>
    </form>
  );
}
