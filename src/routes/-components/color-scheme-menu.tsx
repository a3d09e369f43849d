import { ActionIcon, Menu, useComputedColorScheme, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DeviceIcon, MoonIcon, SunIcon } from '../../components/icons/icons';

/** Light, dark, or following the system (the default); Mantine remembers the choice. */
export function ColorSchemeMenu() {
  const { t } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const options: { value: MantineColorScheme; label: string; icon: typeof SunIcon }[] = [
    { value: 'auto', label: t('shell.schemeAuto'), icon: DeviceIcon },
    { value: 'light', label: t('shell.schemeLight'), icon: SunIcon },
    { value: 'dark', label: t('shell.schemeDark'), icon: MoonIcon },
  ];
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="default" size="lg" aria-label={t('shell.colorScheme')}>
          {computed === 'dark' ? <MoonIcon /> : <SunIcon />}
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {options.map(({ value, label, icon: Icon }) => (
          <Menu.Item
            key={value}
            leftSection={<Icon />}
            onClick={() => setColorScheme(value)}
            aria-checked={colorScheme === value}
            role="menuitemradio"
            fw={colorScheme === value ? 700 : undefined}
          >
            {label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
