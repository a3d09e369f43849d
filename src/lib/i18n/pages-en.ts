import { userSearchEn } from './sections/en/user-search';
import { auditEn } from './sections/en/audit';
import { groupMembersEn } from './sections/en/group-members';
import { groupModerationEn } from './sections/en/group-moderation';
import { groupAttributesEn } from './sections/en/group-attributes';
import { friendsEn } from './sections/en/friends';
import { relationshipEn } from './sections/en/relationship';
import { groupPageEn } from './sections/en/group-page';
import { userPageEn } from './sections/en/user-page';
import { userRegisterEn } from './sections/en/user-register';
import { bulkEn } from './sections/en/bulk';
import { commandPaletteEn } from './sections/en/command-palette';
import { accountEn } from './sections/en/account';
import { ssoEn } from './sections/en/sso';
import { operatorsEn } from './sections/en/operators';

// Every other page's and dialog's strings: loaded right after the first screen, and before any other page opens.
export const pagesEn = {
  groupList: {
    label: 'Groups',
    name: 'Name',
    id: 'Group ID',
    owner: 'Owner',
    members: 'Members',
    empty: 'No groups yet',
    emptyHint: 'Groups created in this app appear here.',
  },
  groupDetail: {
    muteAll_on: 'Mute everyone',
    muteAll_off: 'Lift the mute',
    muteAllTitle: 'Mute everyone in {{group}}?',
    muteAllMessage: 'Until the mute is lifted, only members on the group’s whitelist can send messages (add the owner or admins there if they must speak).',
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
    created: 'Created',
  },
  bulk: bulkEn,
  userPage: userPageEn,
  userRegister: userRegisterEn,
  groupPage: groupPageEn,
  groupMembers: groupMembersEn,
  groupModeration: groupModerationEn,
  groupAttributes: groupAttributesEn,
  friends: friendsEn,
  relationship: relationshipEn,
  audit: auditEn,
  userSearch: userSearchEn,
  commandPalette: commandPaletteEn,
  account: accountEn,
  sso: ssoEn,
  operators: operatorsEn,
};
