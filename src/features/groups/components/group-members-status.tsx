import { Badge, Group } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';
import { formatDateTime, relativeTimeFormat } from '@/lib/i18n/format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "in 3 hours", "in 2 days", "in 1 minute" (or "now"): when something at `until` happens, seen from `now`. */
export function timeLeftInWords(until: number, now: number, language: string): string {
  const left = until - now;
  const rtf = relativeTimeFormat(language);
  if (left < MINUTE) return rtf.format(0, 'minute');
  if (left < HOUR) return rtf.format(Math.round(left / MINUTE), 'minute');
  if (left < 2 * DAY) return rtf.format(Math.round(left / HOUR), 'hour');
  return rtf.format(Math.round(left / DAY), 'day');
}

type Props = {
  /** Epoch ms when the mute ends, `null` when permanent; `undefined` when not muted. */
  mutedUntil: number | null | undefined;
  whitelisted: boolean;
  now: number;
};

/** A member's mute (time left, or permanent) and whitelist markers. */
export function GroupMembersStatus({ mutedUntil, whitelisted, now }: Props) {
  const { t, i18n } = useTranslation();
  if (mutedUntil === undefined && !whitelisted) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {mutedUntil === null && (
        <Badge variant="dot" color="red">
          {t('groupMembers.mutedPermanent')}
        </Badge>
      )}
      {typeof mutedUntil === 'number' && (
        // The exact end on hover; the words say how long is left.
        <Badge variant="dot" color="orange" title={t('groupMembers.mutedUntil', { date: formatDateTime(mutedUntil, i18n.language) })}>
          {t('groupMembers.mutedFor', { left: timeLeftInWords(mutedUntil, now, i18n.language) })}
        </Badge>
      )}
      {whitelisted && (
        <Badge variant="dot" color="teal">
          {t('groupMembers.whitelisted')}
        </Badge>
      )}
    </Group>
  );
}
