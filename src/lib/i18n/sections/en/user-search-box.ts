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
};
