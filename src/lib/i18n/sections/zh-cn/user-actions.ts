// Notifications of src/features/users/api/ mutations.
import type { userActionsEn } from '../en/user-actions';

export const userActionsZhCN: typeof userActionsEn = {
  banned: '已封禁 {{username}}。',
  unbanned: '已解禁 {{username}}。',
  disconnected: '已强制 {{username}} 下线。',
  passwordReset: '已重置 {{username}} 的密码。',
  pushSaved: '已保存 {{username}} 的推送设置。',
  deleted: '已删除 {{username}}。',
};
