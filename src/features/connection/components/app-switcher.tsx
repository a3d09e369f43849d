import { NativeSelect } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';
import { appLabel, useApps } from '@/features/connection/api/get-apps';

type AppSwitcherProps = {
  current: string | undefined;
  /** Called with the chosen app's ID; the caller keeps the page and swaps the app in the URL. */
  onSwitch: (app: string) => void;
};

// A native select: a handful of apps, the platform's own keyboard and screen-reader behaviour, and
// none of the floating-dropdown code in the first screen's bundle.
export function AppSwitcher({ current, onSwitch }: AppSwitcherProps) {
  const { t } = useTranslation();
  const { data: apps = [] } = useApps();
  const selected = apps.find((a) => a.id === current);
  return (
    <NativeSelect
      aria-label={t('shell.app')}
      title={selected ? t('shell.appHint', { appKey: selected.appKey, host: selected.host }) : undefined}
      data={[
        // Outside any app (the home page before one is chosen) the select shows an empty choice.
        ...(selected ? [] : [{ value: '', label: '—' }]),
        ...apps.map((a) => ({ value: a.id, label: appLabel(t, a) })),
      ]}
      value={current && selected ? current : ''}
      onChange={(e) => {
        const value = e.currentTarget.value;
        if (value && value !== current) onSwitch(value);
      }}
      w={220}
    />
  );
}
