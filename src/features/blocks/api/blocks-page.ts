/**
 * Documented: `pageSize` 1..50; the URL calls it `limit`, like every cursor list of the console.
 * On its own so that the route's search validation (in the entry bundle) does not pull in the fetcher.
 */
export const BLOCKS_PAGE = { defaultLimit: 20, min: 1, max: 50 };
