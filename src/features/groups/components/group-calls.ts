import { addGroupAdmin } from '../api/add-group-admin';
import { addGroupMember } from '../api/add-group-member';
import { addGroupMembers } from '../api/add-group-members';
import { addGroupWhitelist } from '../api/add-group-whitelist';
import { getGroupAdmins } from '../api/get-group-admins';
import { getGroupMutes } from '../api/get-group-mutes';
import { getGroupWhitelist } from '../api/get-group-whitelist';
import { getMembersAttributes } from '../api/get-members-attributes';
import { muteGroupMembers } from '../api/mute-group-members';
import { setMemberAttributes } from '../api/set-member-attributes';
import { unblockGroupMembers } from '../api/unblock-group-members';
import { unmuteGroupMembers } from '../api/unmute-group-members';
import type { GroupCalls } from './member-restore';

/** The calls of member-restore.ts, for one group. */
export const groupCalls = (app: string, groupId: string): GroupCalls => ({
  admins: () => getGroupAdmins(app, groupId),
  whitelist: () => getGroupWhitelist(app, groupId),
  mutes: () => getGroupMutes(app, groupId),
  attributes: (names) => getMembersAttributes(app, groupId, names),
  addMembers: (names) => addGroupMembers(app, groupId, names),
  addMember: (name) => addGroupMember(app, groupId, name),
  addAdmin: (name) => addGroupAdmin(app, groupId, name),
  addWhitelist: (names) => addGroupWhitelist(app, groupId, names),
  mute: (names, durationMs) => muteGroupMembers(app, groupId, names, durationMs),
  unmute: (names) => unmuteGroupMembers(app, groupId, names),
  setAttributes: (name, attributes) => setMemberAttributes(app, groupId, name, attributes),
  unblock: (names) => unblockGroupMembers(app, groupId, names),
});
