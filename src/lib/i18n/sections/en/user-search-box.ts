// The users list's search box and the admins' Search settings link: on the first screen, so
// few, in the core catalogue, and in a file of their own (the rest of user-search.ts loads later).
export const userSearchBoxEn = {
  label: 'Search users',
  placeholder: 'Part of a username or nickname',
  submit: 'Search',
  clear: 'Clear the search',
  /** The admins' navigation link (the shell is on the first screen). */
  navSettings: 'Search settings',
  /** The header's go-to box: matches from the index as one types. */
  tooLong: 'At most {{max}} characters',
  // The users list while the server builds the app's index the first time, and when a walk ends:
  // here rather than with the search's other strings, so the list's notice needs no other part.
  indexBuilding_one: 'Building the search index: {{users}} user indexed so far. Search finds them already.',
  indexBuilding_other: 'Building the search index: {{users}} users indexed so far. Search finds them already.',
  indexComplete_one: 'Search index of {{app}} is complete: {{users}} user',
  indexComplete_other: 'Search index of {{app}} is complete: {{users}} users',
};
