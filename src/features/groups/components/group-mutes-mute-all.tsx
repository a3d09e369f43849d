import { Badge, Button, Group, Paper, Stack, Text, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useCan } from '@/lib/session/session-store';
import { confirmAction } from '@/components/confirm-action/confirm-action';
import { useGroup } from '@/features/groups/api/get-group';
import { useSetGroupMuteAll } from '@/features/groups/api/set-group-mute-all';

type Props = {
  app: string;
  groupId: string;
  /** A link to the whitelist section, in the route's terms. */
  whitelistLink: ReactNode;
};

/** Whether everyone is muted, the switch, and what the whitelist has to do with it. */
export function GroupMuteAllPanel({ app, groupId, whitelistLink }: Props) {
  const { t } = useTranslation();
  const group = useGroup(app, groupId);
  const muted = group.data?.mute ?? false;

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="mute-all-heading">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="sm">
            <Text fw={600} id="mute-all-heading">
              {t('groupModeration.muteAllHeading')}
            </Text>
            {group.data && (
              <Badge color={muted ? 'red' : 'gray'} variant="light" role="status">
                {t(muted ? 'groupModeration.muteAllOn' : 'groupModeration.muteAllOff')}
              </Badge>
            )}
          </Group>
          <MuteAllButton app={app} groupId={groupId} groupName={group.data?.name ?? groupId} muted={muted} size="xs" color={muted ? undefined : 'red'} disabled={!group.data} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('groupModeration.muteAllExplain')} {whitelistLink}
        </Text>
      </Stack>
    </Paper>
  );
}

type MuteAllButtonProps = { app: string; groupId: string; groupName: string; muted: boolean } & Pick<ButtonProps, 'size' | 'color' | 'disabled'>;

/**
 * Mutes or unmutes everyone after a confirmation (the Mutes section and the group's header); nothing
 * for a role that may not (`POST/DELETE chatgroups/{group}/ban`, set-group-mute-all.ts).
 */
export function MuteAllButton({ app, groupId, groupName, muted, ...button }: MuteAllButtonProps) {
  const { t } = useTranslation();
  const setMuteAll = useSetGroupMuteAll(app, groupId);
  const can = useCan();
  if (!can(muted ? 'delete' : 'post', 'chatgroups/{group}/ban')) return null;
  return (
    <Button
      {...button}
      variant="light"
      onClick={() =>
        confirmAction({
          title: t(muted ? 'groupDetail.unmuteAllTitle' : 'groupDetail.muteAllTitle', { group: groupName }),
          message: t(muted ? 'groupDetail.unmuteAllMessage' : 'groupDetail.muteAllMessage'),
          confirmLabel: t('groupDetail.muteAll', { context: muted ? 'off' : 'on' }),
          destructive: !muted,
          onConfirm: () => setMuteAll.mutateAsync(!muted),
        })
      }
    >
      {t('groupDetail.muteAll', { context: muted ? 'off' : 'on' })}
    </Button>
  );
}
