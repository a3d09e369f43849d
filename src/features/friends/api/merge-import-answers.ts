/** The four lists of one `POST P/users/{u}/contacts/import` answer. */
export type ImportAnswer = {
  success: string[];
  NotExistFailed: string[];
  maxLimitFailed: string[];
  UnKnowFailed: string[];
};

/**
 * What happened to one name: added (or already a friend), no such user, a friend cap reached,
 * failed for another reason, or not mentioned by the answer at all.
 */
export type ImportOutcome = 'added' | 'notExist' | 'maxLimit' | 'unknown' | 'unreported';

export type ImportReportRow = { username: string; outcome: ImportOutcome };

/** One call: the names sent and what the service answered. */
export type ImportCall = { sent: readonly string[]; answer: ImportAnswer };

const BUCKETS: [keyof ImportAnswer, ImportOutcome][] = [
  ['success', 'added'],
  ['NotExistFailed', 'notExist'],
  ['maxLimitFailed', 'maxLimit'],
  ['UnKnowFailed', 'unknown'],
];

// Usernames are case-insensitive; the service may echo a name in another case than it was sent.
const key = (name: string) => name.trim().toLowerCase();

/**
 * Merges the answers of many import calls into one report with one row per name sent, in the
 * order first sent, keyed by the name as sent. A later call's answer for a name replaces an
 * earlier one (a retry). A name that an answer lists in several buckets takes the first failure
 * (a name cannot be both added and not added); a sent name that no list mentions is `unreported`,
 * and names the answer lists but that were not sent in that call are ignored.
 */
export function mergeImportAnswers(calls: readonly ImportCall[]): ImportReportRow[] {
  const rows = new Map<string, ImportReportRow>();
  for (const { sent, answer } of calls) {
    const said = new Map<string, ImportOutcome>();
    for (const [bucket, outcome] of BUCKETS) {
      for (const name of answer[bucket] ?? []) {
        const k = key(name);
        const before = said.get(k);
        if (before === undefined || before === 'added') said.set(k, outcome);
      }
    }
    for (const name of sent) {
      const k = key(name);
      const outcome = said.get(k) ?? 'unreported';
      const row = rows.get(k);
      if (row) row.outcome = outcome;
      else rows.set(k, { username: name, outcome });
    }
  }
  return [...rows.values()];
}

/** How many names ended in each outcome. */
export function countImportOutcomes(rows: readonly ImportReportRow[]): Record<ImportOutcome, number> {
  const counts: Record<ImportOutcome, number> = { added: 0, notExist: 0, maxLimit: 0, unknown: 0, unreported: 0 };
  for (const r of rows) counts[r.outcome]++;
  return counts;
}
