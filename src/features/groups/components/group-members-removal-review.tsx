import { Alert, Group, List, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { describeError } from '@/lib/api-client/describe-error';
import { useGroupAdmins } from '../api/get-group-admins';
import { useGroupMutes } from '../api/get-group-mutes';
import { useGroupWhitelist } from '../api/get-group-whitelist';
import { useMembersAttributes } from '../api/get-members-attributes';
import { muteLeftText } from './member-restore-text';

/** Past this many members the review does not read attributes (10 a call); the run reads them anyway. */
export const REVIEW_ATTRIBUTES_MAX = 100;
/** Names listed per kind of loss before "and N more". */
const NAMES_SHOWN = 8;

type Props = { app: string; groupId: string; usernames: string[] };

/**
 * Before a removal or a block: what these members will lose in the group (admin roles, whitelist
 * entries, mutes, attributes), and that Undo puts it back. The run reads it all again just before
 * each chunk, so the Undo restores what was there then, not what this list showed.
 */
export function GroupMembersRemovalReview({ app, groupId, usernames }: Props) {
  const { t } = useTranslation();
  const admins = useGroupAdmins(app, groupId);
  const whitelist = useGroupWhitelist(app, groupId);
  const mutes = useGroupMutes(app, groupId);
  const readAttributes = usernames.length <= REVIEW_ATTRIBUTES_MAX;
  const attributes = useMembersAttributes(app, groupId, usernames, readAttributes);
  // "Time left" as of the moment the review opened.
  const [now] = useState(() => Date.now());

  const chosen = new Set(usernames.map((u) => u.toLowerCase()));
  const mine = (names: string[] | undefined) => (names ?? []).filter((n) => chosen.has(n.toLowerCase()));
  const adminNames = mine(admins.data);
  const whiteNames = mine(whitelist.data);
  const muted = (mutes.data ?? []).filter((m) => chosen.has(m.username.toLowerCase()));
  const attributed = [...(attributes.data ?? new Map<string, Record<string, string>>())].filter(([, a]) => Object.keys(a).length > 0);
  const loading = admins.isPending || whitelist.isPending || mutes.isPending || (readAttributes && attributes.isPending);

  const names = (items: string[]) =>
    items.length > NAMES_SHOWN ? t('groupMembers.lossMore', { names: items.slice(0, NAMES_SHOWN).join(', '), count: items.length - NAMES_SHOWN }) : items.join(', ');
  const losses = [
    adminNames.length > 0 && t('groupMembers.lossAdmins', { count: adminNames.length, names: names(adminNames) }),
    whiteNames.length > 0 && t('groupMembers.lossWhitelist', { count: whiteNames.length, names: names(whiteNames) }),
    muted.length > 0 &&
      t('groupMembers.lossMutes', { count: muted.length, names: names(muted.map((m) => t('groupMembers.lossMuteOne', { username: m.username, left: muteLeftText(t, m.until, now) }))) }),
    attributed.length > 0 &&
      t('groupMembers.lossAttributes', {
        count: attributed.length,
        names: names(attributed.map(([u, a]) => t('groupMembers.lossAttributesOne', { username: u, keys: Object.keys(a).join(', ') }))),
      }),
  ].filter((x): x is string => typeof x === 'string');

  return (
    <Stack gap={6} aria-live="polite">
      {loading ? (
        <Group gap="xs">
          <Loader size="xs" aria-hidden />
          <Text size="sm">{t('groupMembers.lossReading')}</Text>
        </Group>
      ) : losses.length > 0 ? (
        <>
          <Text size="sm" fw={500}>
            {t('groupMembers.lossHeading')}
          </Text>
          <List size="sm" spacing={2}>
            {losses.map((l) => (
              <List.Item key={l}>{l}</List.Item>
            ))}
          </List>
        </>
      ) : (
        <Text size="sm">{t('groupMembers.lossNone')}</Text>
      )}
      {!readAttributes && (
        <Text size="sm" c="dimmed">
          {t('groupMembers.lossAttributesLater', { max: REVIEW_ATTRIBUTES_MAX })}
        </Text>
      )}
      {attributes.isError && (
        <Alert color="yellow" p="xs">
          {t('groupMembers.lossAttributesFailed', { reason: describeError(t, attributes.error) })}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('groupMembers.lossUndo')}
      </Text>
    </Stack>
  );
}
