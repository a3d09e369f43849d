// Strings of the mutes, blacklist and whitelist sections of the group page.
import type { groupModerationEn } from '../en/group-moderation';

export const groupModerationZhCN: typeof groupModerationEn = {
  title: '管理',
};
