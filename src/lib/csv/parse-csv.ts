// papaparse is loaded on first use only (dynamic import), so it never weighs on the first screen.

export type CsvRow<C extends string> = {
  /** 1-based line of the text where the row starts (quoted fields may span lines). */
  line: number;
  /** Values by column, trimmed; a column the row does not reach is absent. */
  values: Partial<Record<C, string>>;
  /** Required columns the row does not reach (`alice` alone on a line has no password). */
  missing: C[];
  /** Fields beyond the known columns, e.g. a nickname with an unquoted comma. */
  extra: string[];
  /** The row is malformed (an unterminated or stray quote): its values are not to be trusted. */
  malformed: boolean;
};

export type CsvTable<C extends string> = {
  rows: CsvRow<C>[];
  /** Whether the first row was a header (it names the first required column). */
  hasHeader: boolean;
  /** Required columns the header does not name: nothing can be read without them. */
  missingColumns: C[];
  /** Header cells that are not known columns: their values are ignored. */
  ignoredColumns: string[];
};

export type CsvOptions<C extends string> = {
  /** Known columns, in the order a header-less row gives them. */
  columns: readonly C[];
  required: readonly C[];
};

const BOM = '\ufeff';

/**
 * Reads CSV text: with a header row (column names matched case-insensitively, trimmed, in any
 * order) or without one (fields in `columns` order). UTF-8 BOM, CRLF or LF, quoted fields with
 * commas, quotes and newlines, comma- or tab-separated (a paste from a spreadsheet); blank lines
 * are skipped.
 */
export async function parseCsv<C extends string>(input: string, options: CsvOptions<C>): Promise<CsvTable<C>> {
  const { default: Papa } = await import('papaparse');
  // Mixed line ends confuse papaparse's newline guess; a newline inside a quoted field stays one.
  const text = (input.startsWith(BOM) ? input.slice(1) : input).replace(/\r\n?/g, '\n');
  const raw: { fields: string[]; start: number; malformed: boolean }[] = [];
  let prev = 0;
  Papa.parse<string[]>(text, {
    newline: '\n',
    delimitersToGuess: [',', '\t'],
    skipEmptyLines: 'greedy',
    step: (result) => {
      raw.push({ fields: result.data, start: rowStart(text, prev), malformed: result.errors.some((e) => e.type === 'Quotes') });
      prev = result.meta.cursor;
    },
  });

  const lineAt = lineCounter(text);
  const known = new Set<string>(options.columns);
  const first = raw[0]?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const hasHeader = options.required.length > 0 && first.includes(options.required[0]!);
  let positions: { column: C | undefined }[];
  let body = raw;
  let ignoredColumns: string[] = [];
  let missingColumns: C[] = [];
  if (hasHeader) {
    positions = first.map((name) => ({ column: known.has(name) ? (name as C) : undefined }));
    ignoredColumns = raw[0]!.fields.map((f) => f.trim()).filter((f, i) => f !== '' && positions[i]!.column === undefined);
    missingColumns = options.required.filter((c) => !first.includes(c));
    body = raw.slice(1);
  } else {
    positions = options.columns.map((column) => ({ column }));
  }

  const rows = body.map(({ fields, start, malformed }): CsvRow<C> => {
    const values: Partial<Record<C, string>> = {};
    const extra: string[] = [];
    fields.forEach((f, i) => {
      const column = positions[i]?.column;
      if (column !== undefined) {
        // A repeated header name: the first non-empty one wins.
        if (!values[column]) values[column] = f.trim();
      } else if (!hasHeader && f.trim() !== '') extra.push(f.trim());
    });
    const missing = options.required.filter((c) => values[c] === undefined && !missingColumns.includes(c));
    return { line: lineAt(start), values, missing, extra, malformed };
  });
  return { rows, hasHeader, missingColumns, ignoredColumns };
}

/** Where a row really starts: past the blank lines that papaparse skipped. */
function rowStart(text: string, from: number): number {
  let pos = from;
  for (;;) {
    const end = text.indexOf('\n', pos);
    if (end === -1 || text.slice(pos, end).trim() !== '') return pos;
    pos = end + 1;
  }
}

/** Line numbers for increasing offsets, counted once through the text. */
function lineCounter(text: string) {
  let line = 1;
  let at = 0;
  return (offset: number) => {
    for (; at < offset; at++) if (text.charCodeAt(at) === 10) line++;
    return line;
  };
}
