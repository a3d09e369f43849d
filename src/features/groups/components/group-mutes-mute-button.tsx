import { Alert, Button, Menu, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useCan } from '@/lib/session/session-store';
import { useGroup } from '@/features/groups/api/get-group';
import { groupKeys } from '@/features/groups/api/keys';
import { MUTE_LIMIT, muteGroupMembers } from '@/features/groups/api/mute-group-members';
import { unmuteGroupMembers } from '@/features/groups/api/unmute-group-members';
import { durationMs, MUTE_PRESETS, type MuteDuration } from './mute-duration';
import { MuteDurationDialog } from './mute-duration-dialog';
import { durationText, presetText } from './mute-duration-text';
import { parseWithoutOwner, withoutOwner } from './group-mutes-owner';
import { APP_RATE_LIMIT } from '@/lib/bulk/run-bulk';

// Only needed once a duration is chosen: out of the section's first load.
const BulkActionModal = lazy(() => import('@/components/bulk-runner/bulk-action-modal').then((m) => ({ default: m.BulkActionModal })));

type Props = {
  app: string;
  groupId: string;
  /** Members chosen in a table; with none, the dialog asks for a pasted list. */
  usernames: string[];
  /** After each run (and each undo), e.g. to clear the selection. */
  onDone?: () => void;
};

/**
 * Mutes many members for a chosen duration, 60 per call, with a per-user report and Undo (unmute
 * exactly those this run muted). The duration is chosen first (a preset, or a checked custom
 * amount), so the dialog never starts with an invalid one. Usable from any roster's toolbar.
 */
export function MuteMembersButton({ app, groupId, usernames, onDone }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const group = useGroup(app, groupId);
  const owner = group.data?.owner;
  const groupName = group.data?.name ?? groupId;
  const [duration, setDuration] = useState<MuteDuration | undefined>();
  const [customOpen, setCustomOpen] = useState(false);
  const [run, setRun] = useState(0);
  const selection = usernames.length > 0 ? withoutOwner(usernames, owner) : undefined;
  const ms = duration ? durationMs(duration) : 0;
  const during = duration ? durationText(t, duration) : '';
  const can = useCan();

  const finished = () => {
    void queryClient.invalidateQueries({ queryKey: groupKeys.mutes(app, groupId) });
    onDone?.();
  };
  const unmuteRun = async (chunk: string[]) =>
    (await unmuteGroupMembers(app, groupId, chunk)).map((o) => (o.ok ? o : { ...o, reason: t('groupModeration.notMuted') }));

  const choose = (d: MuteDuration) => {
    setCustomOpen(false);
    setDuration(d);
    setRun((n) => n + 1);
  };

  // `POST chatgroups/{group}/mute` (mute-group-members.ts): moderators and admins.
  if (!can('post', 'chatgroups/{group}/mute')) return null;
  return (
    <>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default">
            {usernames.length > 0 ? t('groupModeration.muteSelected', { count: usernames.length }) : t('groupModeration.muteMany')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('groupModeration.muteFor')}</Menu.Label>
          {MUTE_PRESETS.map((preset) => (
            <Menu.Item key={preset} onClick={() => choose({ kind: 'preset', preset })}>
              {presetText(t, preset)}
            </Menu.Item>
          ))}
          <Menu.Item onClick={() => setCustomOpen(true)}>{t('groupModeration.presetCustom')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <MuteDurationDialog opened={customOpen} onClose={() => setCustomOpen(false)} onChoose={choose} />
      {duration && (
        <Suspense fallback={null}>
          <BulkActionModal
            // A fresh dialog per chosen duration: never an earlier run's report.
            key={run}
            opened
            onClose={() => setDuration(undefined)}
            title={t('groupModeration.muteTitle', { group: groupName })}
            initialItems={selection?.names}
            parse={parseWithoutOwner(owner)}
            chunkSize={MUTE_LIMIT}
            rate={APP_RATE_LIMIT}
            describe={(count) => t('groupModeration.muteDescribe', { count, group: groupName, duration: during })}
            confirmLabel={t('groupModeration.muteConfirm')}
            destructive
            extra={
              <>
                <Text size="sm">{t('groupModeration.muteDuration', { duration: during })}</Text>
                {owner &&
                  (selection?.ownerLeftOut ? (
                    <Alert color="yellow" p="xs">
                      {t('groupModeration.ownerLeftOutMute', { owner })}
                    </Alert>
                  ) : (
                    !selection && (
                      <Text size="sm" c="dimmed">
                        {t('groupModeration.ownerNeverMuted', { owner })}
                      </Text>
                    )
                  ))}
              </>
            }
            run={(chunk) => muteGroupMembers(app, groupId, chunk, ms)}
            onFinished={finished}
            undo={{
              label: t('groupModeration.undo'),
              describe: (count) => t('groupModeration.undoMuteDescribe', { count }),
              confirmLabel: t('groupModeration.unmuteConfirm'),
              run: unmuteRun,
            }}
          />
        </Suspense>
      )}
    </>
  );
}
