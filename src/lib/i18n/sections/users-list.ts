// Strings of the users list page (src/routes/$app/users/index.tsx and its components).
export const usersListEn = {
  title: 'Users',
};

export const usersListZhCN: typeof usersListEn = {
  title: '用户',
};
