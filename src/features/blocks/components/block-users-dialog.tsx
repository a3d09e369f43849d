import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { checkBlockCap, useBlockUsers } from '@/features/blocks/api/block-users';
import { BLOCK_CAP, useAllBlocks } from '@/features/blocks/api/get-all-blocks';
import { describeError } from '@/lib/api-client/describe-error';
import { parseUsernames } from '@/lib/bulk/parse-names';
import { NameProblems } from '@/components/bulk-runner/name-problems';

type Props = { app: string; owner: string; onClose: () => void };

/**
 * Blocks many users in one call. The call is all or nothing, so the cap of 500 is checked first
 * against the current list, and a refusal leaves every typed name in place.
 */
export default function BlockUsersDialog({ app, owner, onClose }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const current = useAllBlocks(app, owner);
  const block = useBlockUsers(app, owner, (names) => t('friends.blocks.blocked', { count: names.length, owner }));
  const parsed = useMemo(() => parseUsernames(text), [text]);
  const self = parsed.valid.includes(owner.toLowerCase());
  const names = parsed.valid.filter((n) => n !== owner.toLowerCase());
  const cap = current.data ? checkBlockCap(current.data, names) : undefined;
  const canSend = names.length > 0 && cap !== undefined && cap.over === 0 && cap.fresh.length > 0;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!canSend) return;
    try {
      await block.mutateAsync(names);
      onClose();
    } catch {
      // Shown in the dialog; the names stay.
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('friends.blocks.blockTitle', { owner })} size="lg" closeButtonProps={{ 'aria-label': t('common.closeDialog') }}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Text size="sm">{t('friends.blocks.blockIntro', { owner })}</Text>
          <Textarea
            label={t('friends.blocks.blockNames')}
            description={t('friends.blocks.blockNamesHint')}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              block.reset();
            }}
            autosize
            minRows={4}
            maxRows={12}
            spellCheck={false}
            data-autofocus
          />
          <Stack gap={4} aria-live="polite">
            {current.isPending && <Text size="sm">{t('friends.blocks.countLoading')}</Text>}
            {current.isError && (
              <Alert color="red" p="xs">
                {t('friends.blocks.countFailed', { error: describeError(t, current.error) })}
              </Alert>
            )}
            {cap && names.length > 0 && (
              <Text size="sm">
                {t('friends.blocks.blockCheck', { count: cap.fresh.length, already: names.length - cap.fresh.length, total: cap.total, cap: BLOCK_CAP })}
              </Text>
            )}
            {cap && cap.over > 0 && (
              <Alert color="red" p="xs" title={t('friends.blocks.overCapTitle')}>
                {t('friends.blocks.overCap', { owner, current: current.data?.length ?? 0, adding: cap.fresh.length, cap: BLOCK_CAP, count: cap.over })}
              </Alert>
            )}
            {self && (
              <Text size="sm" c="orange.9">
                {t('friends.blocks.notSelf', { owner })}
              </Text>
            )}
            <NameProblems parsed={parsed} />
          </Stack>
          {block.isError && (
            <Alert color="red" role="alert" title={t('friends.blocks.blockFailed')}>
              {describeError(t, block.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={block.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={!canSend} loading={block.isPending}>
              {t('friends.blocks.blockSubmit', { count: cap?.fresh.length ?? 0 })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
