import { describe, expect, it } from 'vitest';
import { CUSTOM_MAX, DAY_MS, durationMs, HOUR_MS, MINUTE_MS, MUTE_PRESETS, parseCustomDuration, PRESET_MS, timeLeft } from './mute-duration';

describe('mute duration presets', () => {
  it('converts each preset to the ms the API takes, permanent as -1', () => {
    expect(MUTE_PRESETS.map((preset) => durationMs({ kind: 'preset', preset }))).toEqual([600_000, 3_600_000, 86_400_000, 604_800_000, -1]);
    expect(PRESET_MS['1h']).toBe(60 * 60 * 1000);
  });
});

describe('custom mute durations', () => {
  it('accepts whole numbers with a unit and converts them to ms', () => {
    const r = parseCustomDuration(' 90 ', 'minutes');
    expect(r).toEqual({ ok: true, duration: { kind: 'custom', amount: 90, unit: 'minutes' } });
    if (!r.ok) throw new Error('unreachable');
    expect(durationMs(r.duration)).toBe(90 * MINUTE_MS);
    const h = parseCustomDuration('36', 'hours');
    expect(h.ok && durationMs(h.duration)).toBe(36 * HOUR_MS);
    const d = parseCustomDuration('30', 'days');
    expect(d.ok && durationMs(d.duration)).toBe(30 * DAY_MS);
  });

  it('refuses empty, fractional, zero, negative and non-numeric amounts', () => {
    expect(parseCustomDuration('', 'hours')).toMatchObject({ ok: false, error: 'required' });
    expect(parseCustomDuration('   ', 'hours')).toMatchObject({ ok: false, error: 'required' });
    expect(parseCustomDuration('1.5', 'hours')).toMatchObject({ ok: false, error: 'whole' });
    expect(parseCustomDuration('abc', 'hours')).toMatchObject({ ok: false, error: 'whole' });
    expect(parseCustomDuration('1e3', 'hours')).toMatchObject({ ok: false, error: 'whole' });
    expect(parseCustomDuration('0', 'minutes')).toMatchObject({ ok: false, error: 'too-small' });
    expect(parseCustomDuration('-5', 'minutes')).toMatchObject({ ok: false, error: 'too-small' });
  });

  it('caps each unit at the same longest duration (ten years)', () => {
    expect(CUSTOM_MAX).toEqual({ minutes: 5_256_000, hours: 87_600, days: 3650 });
    expect(parseCustomDuration('3650', 'days').ok).toBe(true);
    expect(parseCustomDuration('3651', 'days')).toMatchObject({ ok: false, error: 'too-large', max: 3650 });
    expect(parseCustomDuration('87601', 'hours')).toMatchObject({ ok: false, error: 'too-large', max: 87_600 });
  });
});

describe('time left', () => {
  const now = 1_700_000_000_000;
  it('reads a permanent mute (until null) as permanent and a past one as expired', () => {
    expect(timeLeft(null, now)).toEqual({ kind: 'permanent' });
    expect(timeLeft(now, now)).toEqual({ kind: 'expired' });
    expect(timeLeft(now - 1, now)).toEqual({ kind: 'expired' });
  });
  it('splits into days, hours and minutes, rounding up to the minute', () => {
    expect(timeLeft(now + 1, now)).toEqual({ kind: 'left', days: 0, hours: 0, minutes: 1 });
    expect(timeLeft(now + HOUR_MS, now)).toEqual({ kind: 'left', days: 0, hours: 1, minutes: 0 });
    expect(timeLeft(now + 7 * DAY_MS - 30 * MINUTE_MS, now)).toEqual({ kind: 'left', days: 6, hours: 23, minutes: 30 });
  });
});
