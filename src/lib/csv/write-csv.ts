export type CsvCell = string | number | boolean | null | undefined;

const BOM = '\ufeff';
// A spreadsheet runs a cell that starts like this as a formula (CSV injection, OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet would take for a formula gets a leading `'`, so it shows as text. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * CSV text that Excel and LibreOffice open as UTF-8: BOM, CRLF line ends (one after the last
 * row too), fields quoted when they hold a comma, quote, newline or edge spaces, and formula-
 * looking text cells neutralised.
 */
export async function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): Promise<string> {
  const { default: Papa } = await import('papaparse');
  const cells = rows.map((row) => row.map((c) => (c === null || c === undefined ? '' : typeof c === 'string' ? neutraliseFormula(c) : String(c))));
  const body = Papa.unparse(
    { fields: [...header], data: cells },
    // Neutralising is done above (and tested) rather than by papaparse's own option.
    { newline: '\r\n', quotes: false, escapeFormulae: false, header: true },
  );
  return `${BOM}${body}\r\n`;
}
