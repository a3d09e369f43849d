import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '@/lib/i18n/catalogues';
import { storeLanguage } from '@/lib/i18n/i18n';

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('language.label')}
      value={i18n.resolvedLanguage}
      onChange={(event) => {
        const lng = event.currentTarget.value;
        if (!isLanguage(lng)) return;
        storeLanguage(lng);
        void i18n.changeLanguage(lng);
      }}
      // Each option is labelled in its own language, whatever the current one is.
      data={LANGUAGES.map((lng) => ({ value: lng, label: t('language.name', { lng }) }))}
    />
  );
}
