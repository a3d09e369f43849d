// Strings of the user page and its sections (src/routes/$app/users/$username/).
export const userPageEn = {
  title: 'User',
};

export const userPageZhCN: typeof userPageEn = {
  title: '用户',
};
