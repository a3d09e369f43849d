// "3 minutes ago", "约 2 小时": Intl does the words in both languages, so no catalogue strings.
import { relativeTimeFormat } from '@/lib/i18n/format';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

function largestUnit(seconds: number): [Intl.RelativeTimeFormatUnit, number] {
  const abs = Math.abs(seconds);
  for (const [unit, size] of UNITS) if (abs >= size || unit === 'second') return [unit, Math.round(seconds / size)];
  return ['second', Math.round(seconds)];
}

/** How long ago `iso` was, in words: "5 minutes ago". */
export function ageInWords(iso: string, now: number, language: string): string {
  const [unit, value] = largestUnit((Date.parse(iso) - now) / 1000);
  return relativeTimeFormat(language).format(value, unit);
}

/** A duration in words: "3 minutes". */
export function durationInWords(seconds: number, language: string): string {
  const [unit, value] = largestUnit(Math.max(1, seconds));
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
