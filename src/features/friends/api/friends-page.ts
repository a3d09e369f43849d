/**
 * Documented: `limit` 1..50 (more is refused with 400), 10 by default. On its own so that the
 * route's search validation (which sits in the entry bundle) does not pull in the fetcher.
 */
export const FRIENDS_PAGE = { defaultLimit: 20, min: 1, max: 50 };
