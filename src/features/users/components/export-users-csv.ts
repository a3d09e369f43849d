import type { UserEntity } from '@/lib/api-client/schemas';
import { downloadText } from '@/lib/csv/download';
import { toCsv } from '@/lib/csv/write-csv';

export const EXPORT_COLUMNS = ['username', 'nickname', 'activated', 'created', 'modified', 'uuid'] as const;

const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

/** One row per user; times in ISO 8601 (UTC), `activated` false for a banned user. */
export function usersCsv(users: readonly UserEntity[]): Promise<string> {
  return toCsv(
    EXPORT_COLUMNS,
    users.map((u) => [u.username, u.nickname ?? '', u.activated, iso(u.created), iso(u.modified), u.uuid]),
  );
}

/** `users-{app}-{yyyy-mm-dd}.csv`, the local date; a page export says so. */
export function exportFileName(app: string, now: Date, part?: 'page'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const safeApp = app.replace(/[^\w.-]+/g, '_');
  return `users-${safeApp}-${date}${part ? `-${part}` : ''}.csv`;
}

export async function downloadUsersCsv(app: string, users: readonly UserEntity[], part?: 'page'): Promise<string> {
  const name = exportFileName(app, new Date(), part);
  downloadText(name, await usersCsv(users));
  return name;
}
