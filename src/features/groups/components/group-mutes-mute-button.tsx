import { Button } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useCan } from '@/lib/session/session-store';
import { useGroup } from '@/features/groups/api/get-group';

// Only needed once the button is pressed: out of the section's first load.
const GroupMembersModerate = lazy(() => import('./group-members-moderate'));

type Props = {
  app: string;
  groupId: string;
  /** Members chosen in a table; names can be pasted in the dialog as well. */
  usernames: string[];
  /** After each run (and each undo), e.g. to clear the selection. */
  onDone?: () => void;
};

/**
 * Mutes many members for a duration chosen in the same dialog, 60 per call, with a per-user report
 * and an Undo that gives back what each had before (unmuted, or their earlier mute). Usable from
 * any list's toolbar; the roster's own buttons open the same dialog.
 */
export function MuteMembersButton({ app, groupId, usernames, onDone }: Props) {
  const { t } = useTranslation();
  const group = useGroup(app, groupId);
  const [open, setOpen] = useState(false);
  const can = useCan();

  // `POST chatgroups/{group}/mute` (mute-group-members.ts): moderators and admins.
  if (!can('post', 'chatgroups/{group}/mute')) return null;
  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpen(true)}>
        {usernames.length > 0 ? t('groupModeration.muteSelected', { count: usernames.length }) : t('groupModeration.muteMany')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <GroupMembersModerate
            app={app}
            groupId={groupId}
            groupName={group.data?.name ?? groupId}
            owner={group.data?.owner}
            kind="mute"
            selected={usernames}
            onClose={() => setOpen(false)}
            onFinished={onDone}
          />
        </Suspense>
      )}
    </>
  );
}
