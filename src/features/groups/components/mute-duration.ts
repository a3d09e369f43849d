// Mute durations: the presets offered, a custom amount with a unit, and the time a mute has left.
// The API takes `mute_duration` in ms; -1 means permanent.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const PERMANENT = -1;

export const DURATION_UNITS = ['minutes', 'hours', 'days'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export const UNIT_MS: Record<DurationUnit, number> = { minutes: MINUTE_MS, hours: HOUR_MS, days: DAY_MS };

export const MUTE_PRESETS = ['10m', '1h', '1d', '7d', 'permanent'] as const;
export type MutePreset = (typeof MUTE_PRESETS)[number];
export const PRESET_MS: Record<MutePreset, number> = { '10m': 10 * MINUTE_MS, '1h': HOUR_MS, '1d': DAY_MS, '7d': 7 * DAY_MS, permanent: PERMANENT };

/**
 * The longest custom mute: no limit is documented, so this only catches typos (a year typed as
 * minutes is fine; 36500 days is not). Longer means permanent.
 */
export const CUSTOM_MAX_MS = 3650 * DAY_MS;
export const CUSTOM_MAX: Record<DurationUnit, number> = {
  minutes: CUSTOM_MAX_MS / MINUTE_MS,
  hours: CUSTOM_MAX_MS / HOUR_MS,
  days: CUSTOM_MAX_MS / DAY_MS,
};

/** What the user chose: a preset, or an amount and unit. */
export type MuteDuration = { kind: 'preset'; preset: MutePreset } | { kind: 'custom'; amount: number; unit: DurationUnit };

export type CustomDurationError = 'required' | 'whole' | 'too-small' | 'too-large';
export type CustomDurationResult = { ok: true; duration: MuteDuration & { kind: 'custom' } } | { ok: false; error: CustomDurationError; max: number };

/** Reads a typed amount: a whole number from 1 up to the unit's maximum. */
export function parseCustomDuration(text: string, unit: DurationUnit): CustomDurationResult {
  const max = CUSTOM_MAX[unit];
  const value = text.trim();
  if (!value) return { ok: false, error: 'required', max };
  if (!/^\d+$/.test(value)) return { ok: false, error: /^-/.test(value) || Number(value) === 0 ? 'too-small' : 'whole', max };
  const amount = Number(value);
  if (amount < 1) return { ok: false, error: 'too-small', max };
  if (amount > max) return { ok: false, error: 'too-large', max };
  return { ok: true, duration: { kind: 'custom', amount, unit } };
}

/** The `mute_duration` to send, in ms (-1 for permanent). */
export function durationMs(d: MuteDuration): number {
  return d.kind === 'preset' ? PRESET_MS[d.preset] : d.amount * UNIT_MS[d.unit];
}

export type TimeLeft = { kind: 'permanent' } | { kind: 'expired' } | { kind: 'left'; days: number; hours: number; minutes: number };

/**
 * What a mute has left at `now`: days and hours, hours and minutes, or minutes, rounded up to the
 * minute so that a mute never reads "0 min" while it still holds.
 */
export function timeLeft(until: number | null, now: number): TimeLeft {
  if (until === null) return { kind: 'permanent' };
  const ms = until - now;
  if (ms <= 0) return { kind: 'expired' };
  const totalMinutes = Math.ceil(ms / MINUTE_MS);
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  return { kind: 'left', days, hours, minutes };
}
