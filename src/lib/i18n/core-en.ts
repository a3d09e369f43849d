import { userSearchBoxEn } from './sections/en/user-search-box';
import { sessionEn } from './sections/en/session';
import { userActionsEn } from './sections/en/user-actions';
import { usersListEn } from './sections/en/users-list';
import { confirmEn } from './sections/en/confirm';
import { dataTableEn } from './sections/en/data-table';
import { errorsEn } from './sections/en/errors';

// What the shell and the users list (the first screen) show: loaded before the first render.
export const coreEn = {
  app: {
    title: 'IM Admin Console',
  },
  nav: {
    label: 'Main navigation',
    toggle: 'Toggle navigation',
    users: 'Users',
    groups: 'Groups',
    relationship: 'Relationship check',
    account: 'My account',
    operators: 'Operators',
  },
  language: {
    label: 'Language',
  },
  home: {
    title: 'Welcome to the IM Admin Console',
    intro: 'Use the Users page to manage user accounts and the Groups page to manage chat groups.',
  },
  groups: {
    title: 'Groups',
  },
  common: {
    closeDialog: 'Close dialog',
    closeNotification: 'Close notification',
    loading: 'Loading…',
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
  shell: {
    app: 'Connected app',
    appHint: '{{appKey}} on {{host}}',
    colorScheme: 'Colour scheme',
    schemeAuto: 'Follow the system',
    schemeLight: 'Light',
    schemeDark: 'Dark',
  },
  connection: {
    checking: 'Checking the connection to {{host}}…',
    ok: 'Connected to {{host}}',
    failedTitle: 'The console cannot work with {{app}}',
    recheck: 'Check again',
    emulatorApp: 'Emulator · {{scheme}}',
  },
  apps: {
    unknownTitle: 'No such app',
    unknownDescription: 'No app called “{{app}}” is configured. Choose one of these:',
    noneTitle: 'No IM app is configured',
    noneDescription: 'Set IM_HOST and its credentials (see the README), or unset them to use the local emulator.',
  },
  goTo: {
    // The header's box that opens the command palette (also Ctrl+K / ⌘K).
    open: 'Go to a user, group, page or action',
    trigger: 'Go to…',
  },
  // Sections kept in files of their own, one per shared component.
  errors: errorsEn,
  dataTable: dataTableEn,
  confirm: confirmEn,
  userActions: userActionsEn,
  usersList: usersListEn,
  session: sessionEn,
  userSearchBox: userSearchBoxEn,
};
