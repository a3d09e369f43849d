import type { CsvCell } from '@contract/csv';

export type { CsvCell };

/**
 * The users export's CSV: `csvText` from `@contract/csv` (the one writer, shared with the server's
 * audit export), loaded on first use so papaparse never weighs on the first screen.
 */
export async function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): Promise<string> {
  const { csvText } = await import('@contract/csv');
  return csvText(header, rows);
}
