import type { Registration } from '@/features/users/api/register-users';
import { parseCsv, type CsvTable } from '@/lib/csv/parse-csv';
import { nicknameTooLong, passwordProblem, storedUsername, usernameProblem } from './register-rules';

export const IMPORT_COLUMNS = ['username', 'password', 'nickname'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

export type RowProblem =
  | { kind: 'malformed' }
  | { kind: 'missing-column'; column: Column }
  | { kind: 'extra-fields'; count: number }
  | { kind: 'username-required' | 'username-too-long' | 'username-characters' }
  | { kind: 'password-required' | 'password-too-long' }
  | { kind: 'nickname-too-long' }
  | { kind: 'duplicate'; line: number };

export type ImportRow = {
  line: number;
  /** As stored: trimmed, lower case. */
  username: string;
  /** As given, when that differs from the stored name. */
  typed?: string;
  password: string;
  nickname?: string;
  problems: RowProblem[];
};

export type ImportCheck = {
  rows: ImportRow[];
  /** Required columns the header lacks. */
  missingColumns: Column[];
  ignoredColumns: string[];
  hasHeader: boolean;
};

/**
 * Checks every row before anything is sent: missing or extra fields, the username rule, the
 * documented lengths, an empty password, and a name given twice (case-insensitive; the first
 * one counts, later ones are refused).
 */
export function checkRows(table: CsvTable<Column>): ImportCheck {
  const firstLine = new Map<string, number>();
  const rows = table.rows.map((r): ImportRow => {
    const typed = r.values.username ?? '';
    const username = storedUsername(typed);
    const password = r.values.password ?? '';
    const nickname = r.values.nickname || undefined;
    const row = { line: r.line, username, typed: typed !== username ? typed : undefined, password, nickname };
    // A broken quote swallows the rest of the line: its fields mean nothing, so say only that.
    if (r.malformed) return { ...row, problems: [{ kind: 'malformed' }] };
    const problems: RowProblem[] = [];
    for (const column of r.missing) problems.push({ kind: 'missing-column', column });
    if (r.extra.length > 0) problems.push({ kind: 'extra-fields', count: r.extra.length });
    if (!r.missing.includes('username')) {
      const u = usernameProblem(typed);
      if (u) problems.push({ kind: `username-${u}` });
    }
    if (!r.missing.includes('password') && table.missingColumns.length === 0) {
      const p = passwordProblem(password);
      if (p) problems.push({ kind: `password-${p}` });
    }
    if (nickname && nicknameTooLong(nickname)) problems.push({ kind: 'nickname-too-long' });
    if (username !== '') {
      const first = firstLine.get(username);
      if (first !== undefined) problems.push({ kind: 'duplicate', line: first });
      else firstLine.set(username, r.line);
    }
    return { ...row, problems };
  });
  return { rows, missingColumns: table.missingColumns, ignoredColumns: table.ignoredColumns, hasHeader: table.hasHeader };
}

export async function readImport(text: string): Promise<ImportCheck> {
  return checkRows(await parseCsv(text, { columns: IMPORT_COLUMNS, required: ['username', 'password'] }));
}

/** What will be sent for each valid row, by stored username. */
export function registrations(check: ImportCheck): Map<string, Registration> {
  const out = new Map<string, Registration>();
  if (check.missingColumns.length > 0) return out;
  for (const r of check.rows) {
    if (r.problems.length > 0) continue;
    out.set(r.username, { username: r.username, password: r.password, ...(r.nickname ? { nickname: r.nickname } : {}) });
  }
  return out;
}
