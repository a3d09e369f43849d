import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { appLabel, useApps } from '@/features/connection/api/get-apps';

type AppSwitcherProps = {
  current: string | undefined;
  /** Called with the chosen app's ID; the caller keeps the page and swaps the app in the URL. */
  onSwitch: (app: string) => void;
};

export function AppSwitcher({ current, onSwitch }: AppSwitcherProps) {
  const { t } = useTranslation();
  const { data: apps = [] } = useApps();
  const selected = apps.find((a) => a.id === current);
  return (
    <Select
      aria-label={t('shell.app')}
      title={selected ? t('shell.appHint', { appKey: selected.appKey, host: selected.host }) : undefined}
      data={apps.map((a) => ({ value: a.id, label: appLabel(t, a) }))}
      value={current ?? null}
      onChange={(value) => value && value !== current && onSwitch(value)}
      allowDeselect={false}
      checkIconPosition="right"
      w={220}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
