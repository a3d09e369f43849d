// Notifications of src/features/users/api/ mutations.
export const userActionsEn = {
  banned: '{{username}} is banned.',
  unbanned: '{{username}} is unbanned.',
  disconnected: '{{username}} was forced offline.',
  passwordReset: 'The password of {{username}} was reset.',
  pushSaved: 'Push settings of {{username}} saved.',
  deleted: '{{username}} was deleted.',
};

export const userActionsZhCN: typeof userActionsEn = {
  banned: '已封禁 {{username}}。',
  unbanned: '已解禁 {{username}}。',
  disconnected: '已强制 {{username}} 下线。',
  passwordReset: '已重置 {{username}} 的密码。',
  pushSaved: '已保存 {{username}} 的推送设置。',
  deleted: '已删除 {{username}}。',
};
