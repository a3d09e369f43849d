import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { sameUser } from './relationship-checks';

type Props = {
  a?: string;
  b?: string;
  /** Called with both names, checked: neither empty, not the same user. */
  onSubmit: (pair: { a: string; b: string }) => void;
};

/** The two usernames; what is typed stays when the check is refused. */
export function RelationshipForm({ a = '', b = '', onSubmit }: Props) {
  const { t } = useTranslation();
  const [first, setFirst] = useState(a);
  const [second, setSecond] = useState(b);
  const [errors, setErrors] = useState<{ a?: string; b?: string }>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const pair = { a: first.trim(), b: second.trim() };
    const found = {
      a: pair.a ? undefined : t('relationship.required'),
      b: !pair.b ? t('relationship.required') : pair.a && sameUser(pair.a, pair.b) ? t('relationship.same') : undefined,
    };
    setErrors(found);
    if (!found.a && !found.b) onSubmit(pair);
  };

  return (
    <form onSubmit={submit} aria-label={t('relationship.form')} noValidate>
      <Group align="flex-start" gap="sm" mb="lg" wrap="wrap">
        <TextInput
          label={t('relationship.userA')}
          placeholder={t('relationship.placeholder')}
          value={first}
          onChange={(e) => setFirst(e.currentTarget.value)}
          error={errors.a}
          autoComplete="off"
          spellCheck={false}
          w={240}
        />
        <TextInput
          label={t('relationship.userB')}
          placeholder={t('relationship.placeholder')}
          value={second}
          onChange={(e) => setSecond(e.currentTarget.value)}
          error={errors.b}
          autoComplete="off"
          spellCheck={false}
          // Opened from a user page with the first name filled in: the second is what is missing.
          autoFocus={Boolean(a) && !b}
          w={240}
        />
        <Button type="submit" mt={25}>
          {t('relationship.check')}
        </Button>
      </Group>
    </form>
  );
}
