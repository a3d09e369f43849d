import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';
import type { ParsedNames } from '@/lib/bulk/parse-names';

/** What of a pasted list will not be sent, and why: names given twice, names that are not usernames. */
export function NameProblems({ parsed }: { parsed: ParsedNames }) {
  const { t } = useTranslation();
  return (
    <>
      {parsed.duplicates.length > 0 && (
        <Text size="sm" c="orange.9">
          {t('bulk.duplicates', { names: parsed.duplicates.join(', ') })}
        </Text>
      )}
      {parsed.invalid.length > 0 && (
        <Alert color="red" p="xs" title={t('bulk.invalid')}>
          <List size="sm">
            {parsed.invalid.map((i) => (
              <List.Item key={i.value}>{t(i.reason === 'too-long' ? 'bulk.tooLong' : 'bulk.characters', { value: i.value })}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </>
  );
}
