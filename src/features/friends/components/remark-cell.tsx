import { Button, Group, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useCan } from '@/lib/session/session-store';
import { REMARK_MAX, useSetFriendRemark } from '@/features/friends/api/set-friend-remark';
import { describeFriendError, READABLE_ERROR_STYLES } from './friend-errors';

type Props = { app: string; owner: string; friend: string; remark: string | null };

/** A friend's remark, edited in place: checked against the 100-character limit before sending. */
export function RemarkCell({ app, owner, friend, remark }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | undefined>();
  const canEdit = useCan()('put', 'user/{owner}/contacts/users/{friend}');
  const save = useSetFriendRemark(app, owner, (v) =>
    v.remark ? t('friends.remarkSaved', { friend: v.friend, remark: v.remark }) : t('friends.remarkCleared', { friend: v.friend }),
  );
  const editButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  // When the editor closes, focus goes back to the button that opened it, not to the page.
  useEffect(() => {
    if (draft === undefined && refocus.current) {
      refocus.current = false;
      editButton.current?.focus();
    }
  }, [draft]);

  const close = () => {
    refocus.current = true;
    setDraft(undefined);
    save.reset();
  };

  if (draft === undefined) {
    return (
      <Group gap="xs" wrap="nowrap" justify="space-between">
        {remark ? (
          <Text size="sm">{remark}</Text>
        ) : (
          <Text size="sm" c="dimmed">
            <span aria-hidden>—</span>
            <VisuallyHidden>{t('friends.noRemark')}</VisuallyHidden>
          </Text>
        )}
        {/* `PUT user/{owner}/contacts/users/{friend}` (set-friend-remark.ts): support and admin. */}
        {canEdit && (
          <Button
            ref={editButton}
            variant="subtle"
            size="compact-xs"
            aria-label={t('friends.editRemarkFor', { friend })}
            onClick={() => {
              save.reset();
              setDraft(remark ?? '');
            }}
          >
            {t('friends.editRemark')}
          </Button>
        )}
      </Group>
    );
  }

  const tooLong = draft.length > REMARK_MAX;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (tooLong) return;
    try {
      await save.mutateAsync({ friend, remark: draft.trim() });
      close();
    } catch {
      // Shown under the field; the draft stays.
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Group gap={4} align="flex-start" wrap="nowrap">
        <TextInput
          size="xs"
          aria-label={t('friends.remarkFor', { friend })}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          description={t('friends.remarkCount', { count: draft.length, max: REMARK_MAX })}
          error={
            tooLong
              ? t('friends.remarkTooLong', { max: REMARK_MAX, count: draft.length })
              : save.isError
                ? describeFriendError(t, save.error, { owner, friend })
                : undefined
          }
          // The field replaces the button that opened it, so focus follows.
          autoFocus
          style={{ flex: 1, minWidth: 160 }}
          styles={READABLE_ERROR_STYLES}
        />
        <Button type="submit" size="compact-sm" mt={2} loading={save.isPending} disabled={tooLong}>
          {t('friends.saveRemark')}
        </Button>
        <Button variant="default" size="compact-sm" mt={2} onClick={close} disabled={save.isPending}>
          {t('common.cancel')}
        </Button>
      </Group>
    </form>
  );
}
