// The one CSV writer: the console's users export (src/lib/csv/write-csv.ts, which loads this
// module on demand so papaparse stays off the first screen) and the server's audit log export.
// Imports only papaparse, nothing from the project, so both server/ and src/ can use it.
import Papa from 'papaparse';

export type CsvCell = string | number | boolean | null | undefined;

const BOM = '\ufeff';
const CRLF = '\r\n';

/**
 * Text a spreadsheet would run as a formula (CSV injection, OWASP): papaparse puts a `'` before
 * it and quotes the cell. Not `escapeFormulae: true`: papaparse 5.7.1's own pattern,
 * `/^[=+\-@\t\r].*$/`, fails on any cell with a line break after the first character, so
 * `=1+1\nx` would go out unescaped (mholt/PapaParse#1149). No `g` flag: papaparse calls `test`.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Cells to quote beyond papaparse's own rule (delimiter, quote, CR, LF, BOM, edge spaces): `;`,
 * which Excel splits on where the list separator is `;`, and an edge tab.
 */
const NEEDS_QUOTES = /[,;"\r\n]|^[ \t]|[ \t]$/;

const needsQuotes = (value: unknown): boolean => typeof value === 'string' && NEEDS_QUOTES.test(value);

/**
 * CSV text that Excel and LibreOffice open as UTF-8 in any locale: BOM, CRLF line ends (one after
 * the last row too), cells quoted when they hold `,` `;` `"` a line break or edge spaces (quotes
 * doubled), and text starting with `=` `+` `-` `@` tab or CR written as `'…` (quoted) so it shows
 * as text. `null`/`undefined` are empty cells; numbers and booleans are written as `String(v)`
 * and never formula-escaped (`-5` stays a number). Each row has the header's width: missing cells
 * are empty, extra ones dropped.
 */
export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  // Numbers and booleans go to papaparse as they are: it skips the formula check for them only
  // while they are not strings, and writes them with toString(), i.e. String(v).
  const data = rows.map((row) => header.map((_, i) => row[i] ?? ''));
  // One array of arrays, header first: given `{ fields, data: [] }` papaparse writes an empty row
  // after the header, so a header-only export would end in a blank line.
  const body = Papa.unparse([[...header], ...data], { newline: CRLF, quotes: needsQuotes, escapeFormulae: FORMULA_START });
  return `${BOM}${body}${CRLF}`;
}
