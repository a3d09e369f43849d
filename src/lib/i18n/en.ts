import { groupMembersEn } from './sections/en/group-members';
import { groupModerationEn } from './sections/en/group-moderation';
import { groupAttributesEn } from './sections/en/group-attributes';
import { friendsEn } from './sections/en/friends';
import { relationshipEn } from './sections/en/relationship';
import { groupPageEn } from './sections/en/group-page';
import { userActionsEn } from './sections/en/user-actions';
import { usersListEn } from './sections/en/users-list';
import { userPageEn } from './sections/en/user-page';
import { userRegisterEn } from './sections/en/user-register';
import { bulkEn } from './sections/en/bulk';
import { confirmEn } from './sections/en/confirm';
import { dataTableEn } from './sections/en/data-table';
import { errorsEn } from './sections/en/errors';

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
    closeDialog: 'Close dialog',
    loading: 'Loading…',
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
  groupList: {
    label: 'Groups',
    name: 'Name',
    id: 'Group ID',
    owner: 'Owner',
    members: 'Members',
    empty: 'No groups yet',
    emptyHint: 'Groups created in this app appear here.',
  },
  roster: {
    title: 'Members',
    label: 'Members of {{group}}',
    username: 'Username',
    role: 'Role',
    owner: 'Owner',
    member: 'Member',
    empty: 'No members on this page',
    emptyHint: 'This page is past the end of the roster.',
    removeSelected: 'Remove selected',
    removeMany: 'Remove members…',
    removeTitle: 'Remove members from {{group}}',
    removeConfirm: 'Remove',
    removeDescribe_one: 'Remove {{count}} member from {{group}}. They lose their admin role, mutes and attributes in it.',
    removeDescribe_other: 'Remove {{count}} members from {{group}}. They lose their admin roles, mutes and attributes in it.',
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
    label: 'Go to a user or group',
    placeholder: 'Username or group ID',
    submit: 'Go',
    searching: 'Looking up “{{query}}”…',
    notFound: 'No user or group called “{{query}}” in this app.',
    both: '“{{query}}” is both a user and a group. Open:',
    user: 'User {{name}}',
    group: 'Group {{name}}',
  },
  groupDetail: {
    muteAll_on: 'Mute everyone',
    muteAll_off: 'Lift the mute',
    muteAllTitle: 'Mute everyone in {{group}}?',
    muteAllMessage: 'Only the owner, admins and whitelisted members will be able to speak until the mute is lifted.',
    unmuteAllTitle: 'Lift the mute on everyone in {{group}}?',
    unmuteAllMessage: 'Every member will be able to speak again, except those muted one by one.',
    mutedAll: 'Everyone is muted.',
    unmutedAll: 'The mute on everyone is lifted.',
    notFound: 'There is no group with ID “{{groupId}}” in this app.',
    id: 'Group ID',
    owner: 'Owner',
    members: 'Members',
    membersOf: '{{count}} of {{max}}',
    visibility: 'Visibility',
    public: 'Public',
    private: 'Private',
    joining: 'Joining',
    membersOnly: 'Needs approval',
    open: 'Open',
    muteAll: 'Everyone muted',
    yes: 'Yes',
    no: 'No',
    description: 'Description',
    created: 'Created',
  },
  // Sections kept in files of their own, one per shared component.
  errors: errorsEn,
  dataTable: dataTableEn,
  bulk: bulkEn,
  confirm: confirmEn,
  userActions: userActionsEn,
  usersList: usersListEn,
  userPage: userPageEn,
  userRegister: userRegisterEn,
  groupPage: groupPageEn,
  groupMembers: groupMembersEn,
  groupModeration: groupModerationEn,
  groupAttributes: groupAttributesEn,
  friends: friendsEn,
  relationship: relationshipEn,
};

export type Catalogue = typeof en;
