// Notifications of src/features/users/api/ mutations.
export const userActionsEn = {
  banned: '{{username}} is banned.',
  unbanned: '{{username}} is unbanned.',
  disconnected: '{{username}} was forced offline.',
  passwordReset: 'The password of {{username}} was reset.',
  pushSaved: 'Push settings of {{username}} saved.',
  deleted: '{{username}} was deleted.',
};
