import { Button } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';
import { confirmAction } from '@/components/confirm-action/confirm-action';
import { useUnblockUser } from '@/features/blocks/api/unblock-user';
import { useUnblockGroupMember } from '@/features/groups/api/unblock-group-members';
import { useUnmuteGroupMember } from '@/features/groups/api/unmute-group-members';
import { useUnbanUser } from '@/features/users/api/unban-user';
import type { Finding, GroupRef } from './relationship-checks';

// One-click fixes: each asks first (confirmAction), and its mutation invalidates the very query
// the finding came from (through the feature's key factory), so the finding goes once fixed.

type FixProps = { app: string; finding: Finding; describedBy: string };

/** The fix for a finding, or nothing when the API has none. */
export function RelationshipFix({ app, finding, describedBy }: FixProps) {
  switch (finding.kind) {
    case 'banned':
      return <UnbanFix app={app} user={finding.user} describedBy={describedBy} />;
    case 'blocked':
      return <UnblockFix app={app} owner={finding.owner} other={finding.other} describedBy={describedBy} />;
    case 'muted':
      return <UnmuteFix app={app} group={finding.group} user={finding.user} describedBy={describedBy} />;
    case 'groupBlocked':
      return <GroupUnblockFix app={app} group={finding.group} user={finding.user} describedBy={describedBy} />;
    default:
      return null;
  }
}

function FixButton({ label, describedBy, onClick }: { label: string; describedBy: string; onClick: () => void }) {
  return (
    <Button size="xs" variant="light" aria-describedby={describedBy} onClick={onClick} style={{ flexShrink: 0 }}>
      {label}
    </Button>
  );
}

function UnbanFix({ app, user, describedBy }: { app: string; user: string; describedBy: string }) {
  const { t } = useTranslation();
  const unban = useUnbanUser(app);
  return (
    <FixButton
      label={t('relationship.unban')}
      describedBy={describedBy}
      onClick={() =>
        confirmAction({
          title: t('relationship.unbanTitle', { user }),
          message: t('relationship.unbanMessage', { user }),
          confirmLabel: t('relationship.unbanConfirm'),
          onConfirm: () => unban.mutateAsync(user),
        })
      }
    />
  );
}

function UnblockFix({ app, owner, other, describedBy }: { app: string; owner: string; other: string; describedBy: string }) {
  const { t } = useTranslation();
  const unblock = useUnblockUser(app, owner, (blocked) => t('relationship.unblocked', { owner, other: blocked }));
  return (
    <FixButton
      label={t('relationship.unblock')}
      describedBy={describedBy}
      onClick={() =>
        confirmAction({
          title: t('relationship.unblockTitle', { owner, other }),
          message: t('relationship.unblockMessage', { owner, other }),
          confirmLabel: t('relationship.unblockConfirm'),
          onConfirm: () => unblock.mutateAsync(other),
        })
      }
    />
  );
}

function UnmuteFix({ app, group, user, describedBy }: { app: string; group: GroupRef; user: string; describedBy: string }) {
  const { t } = useTranslation();
  const unmute = useUnmuteGroupMember(app, group.id);
  const vars = { user, group: group.name };
  return (
    <FixButton
      label={t('relationship.unmute')}
      describedBy={describedBy}
      onClick={() =>
        confirmAction({
          title: t('relationship.unmuteTitle', vars),
          message: t('relationship.unmuteMessage', vars),
          confirmLabel: t('relationship.unmuteConfirm'),
          onConfirm: () => unmute.mutateAsync(user),
        })
      }
    />
  );
}

function GroupUnblockFix({ app, group, user, describedBy }: { app: string; group: GroupRef; user: string; describedBy: string }) {
  const { t } = useTranslation();
  const unblock = useUnblockGroupMember(app, group.id);
  const vars = { user, group: group.name };
  return (
    <FixButton
      label={t('relationship.groupUnblock')}
      describedBy={describedBy}
      onClick={() =>
        confirmAction({
          title: t('relationship.groupUnblockTitle', vars),
          message: t('relationship.groupUnblockMessage', vars),
          confirmLabel: t('relationship.groupUnblockConfirm'),
          onConfirm: () => unblock.mutateAsync(user),
        })
      }
    />
  );
}
