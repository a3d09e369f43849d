import { NativeSelect } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '@/lib/i18n/catalogues';
import { switchLanguage } from '@/lib/i18n/i18n';

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('language.label')}
      value={i18n.language}
      onChange={(event) => {
        const lng = event.currentTarget.value;
        if (isLanguage(lng)) void switchLanguage(i18n, lng);
      }}
      data={LANGUAGES.map((lng) => ({ value: lng, label: LANGUAGE_NAMES[lng] }))}
    />
  );
}
