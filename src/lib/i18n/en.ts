import { bulkEn } from './sections/bulk';
import { confirmEn } from './sections/confirm';
import { dataTableEn } from './sections/data-table';
import { errorsEn } from './sections/errors';

// The English catalogue is the reference shape: `Catalogue` is derived from it and every
// other language must provide the same keys (checked by tsc and by catalogues.test.ts).
export const en = {
  app: {
    title: 'IM Admin Console',
  },
  nav: {
    label: 'Main navigation',
    toggle: 'Toggle navigation',
    users: 'Users',
    groups: 'Groups',
  },
  language: {
    label: 'Language',
    // Each catalogue names its own language, so the switcher reads the same in any UI language.
    name: 'English',
  },
  home: {
    title: 'Welcome to the IM Admin Console',
    intro: 'Use the Users page to manage user accounts and the Groups page to manage chat groups.',
  },
  users: {
    title: 'Users',
  },
  groups: {
    title: 'Groups',
  },
  common: {
    comingSoon: 'This page is coming soon.',
    confirm: 'Confirm',
    cancel: 'Cancel',
  },
  notFound: {
    title: 'Page not found',
    description: 'The page you are looking for does not exist.',
    backHome: 'Back to the home page',
  },
  error: {
    title: 'Something went wrong',
    retry: 'Try again',
  },
  // Sections kept in files of their own, one per shared component.
  errors: errorsEn,
  dataTable: dataTableEn,
  bulk: bulkEn,
  confirm: confirmEn,
};

export type Catalogue = typeof en;
