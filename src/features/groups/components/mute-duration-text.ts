import type { TFunction } from '@/lib/i18n/translate';
import type { CustomDurationError, DurationUnit, MuteDuration, MutePreset, TimeLeft } from './mute-duration';

export const UNIT_KEY = {
  minutes: 'groupModeration.unitMinutes',
  hours: 'groupModeration.unitHours',
  days: 'groupModeration.unitDays',
} as const satisfies Record<DurationUnit, string>;

/** Why a typed custom amount is refused. */
export const CUSTOM_ERROR_KEY = {
  required: 'groupModeration.customRequired',
  whole: 'groupModeration.customWhole',
  'too-small': 'groupModeration.customTooSmall',
  'too-large': 'groupModeration.customTooLarge',
} as const satisfies Record<CustomDurationError, string>;

const PRESET_KEY = {
  '10m': 'groupModeration.preset10m',
  '1h': 'groupModeration.preset1h',
  '1d': 'groupModeration.preset1d',
  '7d': 'groupModeration.preset7d',
  permanent: 'groupModeration.presetPermanent',
} as const satisfies Record<MutePreset, string>;

export const presetText = (t: TFunction, preset: MutePreset) => t(PRESET_KEY[preset]);

/** "1 hour", "90 minutes", "permanently": for the menu, the dialog and the confirmation. */
export function durationText(t: TFunction, d: MuteDuration): string {
  if (d.kind === 'preset') return presetText(t, d.preset);
  const key = d.unit === 'minutes' ? 'groupModeration.customMinutes' : d.unit === 'hours' ? 'groupModeration.customHours' : 'groupModeration.customDays';
  return t(key, { count: d.amount });
}

/** "6 d 23 h left", "45 min left", "Permanent", "Expired". */
export function timeLeftText(t: TFunction, left: TimeLeft): string {
  if (left.kind === 'permanent') return t('groupModeration.permanent');
  if (left.kind === 'expired') return t('groupModeration.expired');
  if (left.days > 0) return t('groupModeration.leftDays', { days: left.days, hours: left.hours });
  if (left.hours > 0) return t('groupModeration.leftHours', { hours: left.hours, minutes: left.minutes });
  return t('groupModeration.leftMinutes', { minutes: left.minutes });
}
