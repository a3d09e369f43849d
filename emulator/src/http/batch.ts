import { ImError } from './errors.js';

export type ItemOutcome = { user: string; ok: true } | { user: string; ok: false; error: ImError };

/**
 * Runs one action per user and keeps each outcome. As the seeds document for batch calls, the
 * call itself fails only when no user succeeded; otherwise the failures are reported per user.
 */
export function runPerUser(users: string[], action: (user: string) => void, { failWhenNoneSucceed = true } = {}): ItemOutcome[] {
  const outcomes: ItemOutcome[] = users.map((user) => {
    try {
      action(user);
      return { user, ok: true };
    } catch (e) {
      if (e instanceof ImError) return { user, ok: false, error: e };
      throw e;
    }
  });
  const firstFailure = outcomes.find((o) => !o.ok);
  if (failWhenNoneSucceed && firstFailure && !firstFailure.ok && outcomes.every((o) => !o.ok)) throw firstFailure.error;
  return outcomes;
}

/** The per-user entry of a batch answer: `{result, action, reason?, user, groupid}`. */
export function perUserResult(outcome: ItemOutcome, fields: Record<string, unknown>) {
  return outcome.ok
    ? { result: true, ...fields, user: outcome.user }
    : { result: false, ...fields, reason: outcome.error.description, user: outcome.user };
}
