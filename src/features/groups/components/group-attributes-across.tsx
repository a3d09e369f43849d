import { Button, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { DataTable } from '@/components/data-table/data-table';
import { queryStatus } from '@/components/data-table/query-status';
import { parseUsernames } from '@/lib/bulk/parse-names';
import { useAttributeAcrossMembers, type AttributeAcross } from '@/features/groups/api/get-attribute-across-members';
import { useGroupMembers } from '@/features/groups/api/get-group-members';
import { ATTRIBUTE_LIMITS, checkAcross, utf8Bytes } from './attribute-limits';

/** The roster page offered in the picker: the first one is enough to pick from. */
const PICKER_PAGE = { pagenum: 1, pagesize: 100 };

type Props = { app: string; groupId: string };

/** One key read across up to 10 members (pasted, or picked from the roster), shown as a table. */
export function GroupAttributesAcross({ app, groupId }: Props) {
  const { t } = useTranslation();
  const [key, setKey] = useState('');
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [query, setQuery] = useState<{ key: string; usernames: string[] }>();
  const result = useAttributeAcrossMembers(app, groupId, query);
  const roster = useGroupMembers(app, groupId, PICKER_PAGE);

  const parsed = parseUsernames(text);
  const check = checkAcross(key, parsed.valid);
  const ok = !check.key && !check.members && parsed.invalid.length === 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!ok) return;
    setQuery({ key, usernames: parsed.valid });
  };

  const pick = (name: string | null) => {
    if (!name || parsed.valid.includes(name)) return;
    setText((s) => (s.trim() ? `${s.trimEnd()}\n${name}` : name));
  };

  const keyError =
    check.key === 'too-long'
      ? t('groupAttributes.keyTooLong', { count: utf8Bytes(key), max: ATTRIBUTE_LIMITS.keyBytes })
      : submitted && check.key === 'required'
        ? t('groupAttributes.keyRequired')
        : undefined;
  const membersError =
    check.members === 'too-many'
      ? t('groupAttributes.tooManyMembers', { count: parsed.valid.length, max: ATTRIBUTE_LIMITS.targets })
      : parsed.invalid.length > 0
        ? t('groupAttributes.invalidNames', { names: parsed.invalid.map((i) => i.value).join(', ') })
        : submitted && check.members === 'required'
          ? t('groupAttributes.membersRequired')
          : undefined;

  return (
    <Stack gap="md">
      <div>
        <Title order={3}>{t('groupAttributes.acrossHeading')}</Title>
        <Text size="sm" c="dimmed">
          {t('groupAttributes.acrossHint')}
        </Text>
      </div>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('groupAttributes.acrossKey')}
            description={t('groupAttributes.bytesOf', { count: utf8Bytes(key), max: ATTRIBUTE_LIMITS.keyBytes })}
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
            error={keyError}
            autoComplete="off"
            required
            maw={360}
          />
          <Textarea
            label={t('groupAttributes.acrossMembers')}
            description={`${t('groupAttributes.acrossMembersHint')} ${t('groupAttributes.membersCount', { count: parsed.valid.length, max: ATTRIBUTE_LIMITS.targets })}`}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={membersError}
            autosize
            minRows={3}
            maxRows={12}
            required
            maw={480}
          />
          <Select
            label={t('groupAttributes.pickLabel')}
            description={t('groupAttributes.pickHint', { count: PICKER_PAGE.pagesize })}
            placeholder={roster.isPending ? t('groupAttributes.pickLoading') : t('groupAttributes.pickPlaceholder')}
            data={roster.data?.map((m) => m.username) ?? []}
            disabled={!roster.data}
            value={null}
            onChange={pick}
            searchable
            maw={360}
          />
          <Group>
            <Button type="submit">{t('groupAttributes.lookUp')}</Button>
          </Group>
        </Stack>
      </form>
      {query && (
        <DataTable<AttributeAcross>
          aria-label={t('groupAttributes.acrossTable', { key: query.key })}
          rows={result.data}
          getRowId={(r) => r.username}
          status={queryStatus(result)}
          empty={{ title: t('groupAttributes.acrossEmpty') }}
          columns={[
            { id: 'member', header: t('groupAttributes.member'), cell: (r) => r.username, width: 220 },
            {
              id: 'value',
              header: query.key,
              cell: (r) =>
                typeof r.value === 'string' ? (
                  <Text style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{r.value}</Text>
                ) : (
                  <Text c="dimmed" fs="italic">
                    {t(r.value === null ? 'groupAttributes.notSet' : 'groupAttributes.notAnswered')}
                  </Text>
                ),
            },
          ]}
        />
      )}
    </Stack>
  );
}
