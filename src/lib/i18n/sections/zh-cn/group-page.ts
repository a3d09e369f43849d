// Strings of the group page's frame (src/routes/$app/groups/$groupId/route.tsx and its section links).
import type { groupPageEn } from '../en/group-page';

export const groupPageZhCN: typeof groupPageEn = {
  sections: '{{group}} 的分区',
  tabMembers: '成员',
  tabAdmins: '管理员',
  tabMutes: '禁言',
  tabBlacklist: '黑名单',
  tabWhitelist: '白名单',
  tabAttributes: '成员属性',
};
