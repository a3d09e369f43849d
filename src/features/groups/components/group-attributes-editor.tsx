import { Alert, Button, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useId, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { describeError } from '@/lib/api-client/describe-error';
import type { MemberAttributes } from '@/features/groups/api/get-member-attributes';
import { useSetMemberAttributes } from '@/features/groups/api/set-member-attributes';
import { ATTRIBUTE_LIMITS, checkAttribute, isValidAttribute } from './attribute-limits';

export type AttributeDraft = { key: string; value: string };

type Props = {
  app: string;
  groupId: string;
  member: string;
  /** The member's attributes as loaded: the 4 KB total is checked against them. */
  current: MemberAttributes;
  /** Kept by the parent, so "Edit" in a row can fill it and nothing typed is lost on a failure. */
  draft: AttributeDraft;
  onDraft: (draft: AttributeDraft) => void;
  valueRef?: Ref<HTMLTextAreaElement>;
};

/** Adds a key or changes a value, with the byte limits checked as the user types and before sending. */
export function GroupAttributesEditor({ app, groupId, member, current, draft, onDraft, valueRef }: Props) {
  const { t } = useTranslation();
  const save = useSetMemberAttributes(app, groupId, member);
  const headingId = useId();
  const [submitted, setSubmitted] = useState(false);
  const [failure, setFailure] = useState<string>();
  const check = checkAttribute(current, draft.key, draft.value);
  const set = (patch: Partial<AttributeDraft>) => {
    onDraft({ ...draft, ...patch });
    setFailure(undefined);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!isValidAttribute(check)) return;
    try {
      await save.mutateAsync({ key: draft.key, value: draft.value });
      setSubmitted(false);
      onDraft({ key: '', value: '' });
    } catch (err) {
      // Said here, next to the fields, which keep what was typed.
      setFailure(describeError(t, err));
    }
  };

  // Too long is said as the user types; a missing field only once they try to save.
  const keyError =
    check.key === 'too-long'
      ? t('groupAttributes.keyTooLong', { count: check.keyBytes, max: ATTRIBUTE_LIMITS.keyBytes })
      : submitted && check.key === 'required'
        ? t('groupAttributes.keyRequired')
        : undefined;
  const valueError =
    check.value === 'too-long'
      ? t('groupAttributes.valueTooLong', { count: check.valueBytes, max: ATTRIBUTE_LIMITS.valueBytes })
      : submitted && check.value === 'required'
        ? t('groupAttributes.valueRequired')
        : undefined;
  const exists = draft.key !== '' && Object.hasOwn(current, draft.key);

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={4} id={headingId}>
          {t('groupAttributes.editorHeading')}
        </Title>
        <TextInput
          label={t('groupAttributes.key')}
          description={t('groupAttributes.bytesOf', { count: check.keyBytes, max: ATTRIBUTE_LIMITS.keyBytes })}
          value={draft.key}
          onChange={(e) => set({ key: e.currentTarget.value })}
          error={keyError}
          autoComplete="off"
          required
        />
        <Textarea
          ref={valueRef}
          label={t('groupAttributes.value')}
          description={t('groupAttributes.bytesOf', { count: check.valueBytes, max: ATTRIBUTE_LIMITS.valueBytes })}
          value={draft.value}
          onChange={(e) => set({ value: e.currentTarget.value })}
          error={valueError}
          autosize
          minRows={2}
          maxRows={8}
          required
        />
        <Text size="sm" c={check.total ? 'red' : 'dimmed'} role={check.total ? 'alert' : undefined}>
          {check.total
            ? t('groupAttributes.totalTooLarge', { member, count: check.totalBytes, max: ATTRIBUTE_LIMITS.memberBytes })
            : t('groupAttributes.totalAfter', { member, count: check.totalBytes, max: ATTRIBUTE_LIMITS.memberBytes })}
        </Text>
        {exists && <Text size="sm">{t('groupAttributes.replaces', { key: draft.key })}</Text>}
        {failure && (
          <Alert color="red" role="alert">
            {t('groupAttributes.saveFailed', { message: failure })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            disabled={save.isPending || (draft.key === '' && draft.value === '')}
            onClick={() => {
              setSubmitted(false);
              set({ key: '', value: '' });
            }}
          >
            {t('groupAttributes.clear')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('groupAttributes.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
