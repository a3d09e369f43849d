import type { TFunction } from '@/lib/i18n/translate';
import { describeError } from '@/lib/api-client/describe-error';
import type { ItemOutcome } from '@/lib/bulk/run-bulk';
import type { RestorePart, RestoreResult, UnmuteResult, Why } from './member-restore';
import { timeLeft } from './mute-duration';
import { timeLeftText } from './mute-duration-text';

// The undo report's words for each member: what came back, and what did not and why.

const PART_KEY = {
  admin: 'groupMembers.partAdmin',
  whitelist: 'groupMembers.partWhitelist',
  mute: 'groupMembers.partMute',
  attributes: 'groupMembers.partAttributes',
} as const satisfies Record<RestorePart, string>;

export const whyText = (t: TFunction, why: Why) => ('error' in why ? describeError(t, why.error) : (why.reason ?? t('groupMembers.noReason')));

/** "permanent" or "45 min left" for a mute that ends at `until`. */
export const muteLeftText = (t: TFunction, until: number | null, now: number) => (until === null ? t('groupModeration.permanent') : timeLeftText(t, timeLeft(until, now)));

const list = (language: string, items: string[]) => new Intl.ListFormat(language, { type: 'conjunction' }).format(items);

/** One member's line in the undo report; failed when they are not back, or back without everything. */
export function restoreOutcome(t: TFunction, language: string, r: RestoreResult, now: number): ItemOutcome<string> {
  if (r.notBack) return { item: r.username, ok: false, reason: t('groupMembers.restoreNotBack', { reason: whyText(t, r.notBack) }) };
  const parts = r.restored.map((p) =>
    p.part === 'mute'
      ? t(PART_KEY.mute, { left: muteLeftText(t, p.mutedUntil ?? null, now) })
      : p.part === 'attributes'
        ? t(PART_KEY.attributes, { count: p.attributes ?? 0 })
        : t(PART_KEY[p.part]),
  );
  const sentences = [parts.length > 0 ? t('groupMembers.restoreBackWith', { parts: list(language, parts) }) : t('groupMembers.restoreBack')];
  if (r.muteEnded) sentences.push(t('groupMembers.restoreMuteEnded'));
  if (r.missed.length > 0) {
    const missed = r.missed.map((m) => t('groupMembers.restoreMissedPart', { part: t(m.part === 'attributes' ? 'groupMembers.partAttributesAll' : m.part === 'mute' ? 'groupMembers.partMuteBare' : PART_KEY[m.part]), reason: whyText(t, m.why) }));
    sentences.push(t('groupMembers.restoreMissed', { parts: missed.join('; ') }));
  }
  return { item: r.username, ok: r.missed.length === 0, reason: sentences.join(' ') };
}

/** One member's line in the report of a mute's undo. */
export function unmuteOutcome(t: TFunction, r: UnmuteResult, now: number): ItemOutcome<string> {
  if (r.why) return { item: r.username, ok: false, reason: whyText(t, r.why) };
  if (r.kind === 'muted-again') return { item: r.username, ok: true, reason: t('groupModeration.mutedAgain', { left: muteLeftText(t, r.mutedUntil ?? null, now) }) };
  if (r.kind === 'earlier-ended') return { item: r.username, ok: true, reason: t('groupModeration.earlierMuteEnded') };
  return { item: r.username, ok: true };
}
