import { NativeSelect, useComputedColorScheme, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';
import { MoonIcon, SunIcon } from '@/components/icons/icons';

const SCHEMES: MantineColorScheme[] = ['auto', 'light', 'dark'];
const isScheme = (v: string): v is MantineColorScheme => (SCHEMES as string[]).includes(v);

/** Light, dark, or following the system (the default); Mantine remembers the choice. */
export function ColorSchemeSelect() {
  const { t } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const labels: Record<MantineColorScheme, string> = {
    auto: t('shell.schemeAuto'),
    light: t('shell.schemeLight'),
    dark: t('shell.schemeDark'),
  };
  return (
    <NativeSelect
      aria-label={t('shell.colorScheme')}
      value={colorScheme}
      onChange={(e) => isScheme(e.currentTarget.value) && setColorScheme(e.currentTarget.value)}
      data={SCHEMES.map((value) => ({ value, label: labels[value] }))}
      leftSection={computed === 'dark' ? <MoonIcon /> : <SunIcon />}
      // Wide enough for the longest label ("Follow the system") next to the icon.
      w={190}
    />
  );
}
