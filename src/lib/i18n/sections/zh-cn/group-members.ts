// Strings of src/features/groups members/admins/owner pieces and the members/admins sections.
import type { groupMembersEn } from '../en/group-members';

export const groupMembersZhCN: typeof groupMembersEn = {
  title: '成员',
};
