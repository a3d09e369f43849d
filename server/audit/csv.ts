import { csvText } from '../../contract/csv.js';
import type { AuditEntry } from './audit-log.js';

export const AUDIT_CSV_COLUMNS = ['id', 'time', 'operator', 'app', 'method', 'path', 'action', 'target', 'status', 'refusal', 'address', 'sign_in', 'summary', 'items'] as const;

/** The entries as CSV, written by the console's one CSV writer (the users export's too). */
export function auditCsv(entries: AuditEntry[]): string {
  return csvText(
    AUDIT_CSV_COLUMNS,
    entries.map((e) => [
      e.id,
      e.time,
      e.operator ?? '',
      e.app,
      e.method,
      e.path,
      e.action,
      e.target ?? '',
      // Sent to the host, answer never recorded (server killed or cut off mid-call).
      e.status ?? 'outcome unknown',
      e.refusal ?? '',
      e.address ?? '',
      e.signIn ?? '',
      e.summary,
      (e.items ?? []).map((i) => `${i.target}:${i.ok ? 'ok' : `failed${i.reason ? ` (${i.reason})` : ''}`}`).join('; '),
    ]),
  );
}
