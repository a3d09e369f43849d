// Strings of registering users and CSV import/export (src/features/users/components/register-*, import-*, export-*).
export const userRegisterEn = {
  title: 'Register users',
};

export const userRegisterZhCN: typeof userRegisterEn = {
  title: '注册用户',
};
