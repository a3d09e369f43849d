import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useCan } from '@/lib/session/session-store';
import { confirmAction } from '@/components/confirm-action/confirm-action';
import { DataTable } from '@/components/data-table/data-table';
import { queryStatus } from '@/components/data-table/query-status';
import { describeError } from '@/lib/api-client/describe-error';
import { parseUsernames } from '@/lib/bulk/parse-names';
import { notify } from '@/lib/notify/notify';
import { useMemberAttributes } from '@/features/groups/api/get-member-attributes';
import { useSetMemberAttributes } from '@/features/groups/api/set-member-attributes';
import { ATTRIBUTE_LIMITS, attributesBytes, utf8Bytes } from './attribute-limits';
import { GroupAttributesEditor, type AttributeDraft } from './group-attributes-editor';

type Props = {
  app: string;
  groupId: string;
  /** The member in view (from the URL), if any. */
  member: string | undefined;
  onMember: (member: string) => void;
};

/** Picks a member (kept in the URL by the caller) and shows, edits and deletes their attributes. */
export function GroupAttributesMember({ app, groupId, member, onMember }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(member ?? '');
  const [invalid, setInvalid] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseUsernames(typed);
    const ok = parsed.valid.length === 1 && parsed.invalid.length === 0;
    setInvalid(!ok);
    if (ok) onMember(parsed.valid[0]!);
  };

  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="sm">
          <TextInput
            label={t('groupAttributes.memberLabel')}
            description={t('groupAttributes.memberHint')}
            value={typed}
            onChange={(e) => {
              setTyped(e.currentTarget.value);
              setInvalid(false);
            }}
            error={invalid ? t('groupAttributes.memberInvalid') : undefined}
            autoComplete="off"
            w={280}
          />
          {/* Aligned with the input below its label and description. */}
          <Button type="submit" mt={44}>
            {t('groupAttributes.show')}
          </Button>
        </Group>
      </form>
      {/* A new member starts with an empty editor. */}
      {member && <MemberAttributes key={member} app={app} groupId={groupId} member={member} />}
    </Stack>
  );
}

type Row = { key: string; value: string };

function MemberAttributes({ app, groupId, member }: { app: string; groupId: string; member: string }) {
  const { t } = useTranslation();
  const attributes = useMemberAttributes(app, groupId, member);
  const remove = useSetMemberAttributes(app, groupId, member);
  const [draft, setDraft] = useState<AttributeDraft>({ key: '', value: '' });
  const valueRef = useRef<HTMLTextAreaElement>(null);
  // Editing and deleting are `PUT metadata/chatgroup/{group}/user/{username}` (set-member-attributes.ts).
  const can = useCan();
  const canEdit = can('put', 'metadata/chatgroup/{group}/user/{username}');
  const rows = attributes.data ? Object.entries(attributes.data).map(([key, value]) => ({ key, value })) : undefined;

  const confirmDelete = (key: string) =>
    confirmAction({
      title: t('groupAttributes.deleteTitle', { key }),
      message: t('groupAttributes.deleteMessage', { key, member }),
      confirmLabel: t('groupAttributes.deleteConfirm'),
      destructive: true,
      onConfirm: async () => {
        try {
          // Documented: an empty value deletes the key.
          await remove.mutateAsync({ key, value: '' });
        } catch (err) {
          // The mutation leaves errors to its caller; the dialog stays open for another try.
          notify({ color: 'red', title: t('groupAttributes.deleteFailed'), message: describeError(t, err) });
          throw err;
        }
      },
    });

  return (
    <Stack gap="md">
      <Title order={3}>{t('groupAttributes.attributesOf', { member })}</Title>
      <DataTable<Row>
        aria-label={t('groupAttributes.attributesOf', { member })}
        rows={rows}
        getRowId={(r) => r.key}
        status={queryStatus(attributes)}
        empty={{ title: t('groupAttributes.empty'), description: t('groupAttributes.emptyHint', { member }) }}
        columns={[
          { id: 'key', header: t('groupAttributes.key'), cell: (r) => r.key, width: 160 },
          { id: 'value', header: t('groupAttributes.value'), cell: (r) => <Text style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{r.value}</Text> },
          {
            id: 'size',
            header: t('groupAttributes.size'),
            cell: (r) => t('groupAttributes.sizeBytes', { count: utf8Bytes(r.key) + utf8Bytes(r.value) }),
            width: 100,
          },
          {
            id: 'actions',
            header: t('groupAttributes.actions'),
            width: 170,
            cell: (r) =>
              canEdit && (
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="light"
                    aria-label={t('groupAttributes.editLabel', { key: r.key })}
                    onClick={() => {
                      setDraft({ key: r.key, value: r.value });
                      valueRef.current?.focus();
                    }}
                  >
                    {t('groupAttributes.edit')}
                  </Button>
                  <Button size="compact-sm" variant="light" color="red" aria-label={t('groupAttributes.deleteLabel', { key: r.key })} onClick={() => confirmDelete(r.key)}>
                    {t('groupAttributes.delete')}
                  </Button>
                </Group>
              ),
          },
        ]}
      />
      {attributes.data && (
        <>
          <Text size="sm" c="dimmed">
            {t('groupAttributes.usage', { member, count: attributesBytes(attributes.data), max: ATTRIBUTE_LIMITS.memberBytes })}
          </Text>
          {canEdit && (
            <GroupAttributesEditor
              app={app}
              groupId={groupId}
              member={member}
              current={attributes.data}
              draft={draft}
              onDraft={setDraft}
              valueRef={valueRef}
            />
          )}
        </>
      )}
    </Stack>
  );
}
