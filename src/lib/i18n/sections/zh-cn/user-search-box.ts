import type { userSearchBoxEn } from '../en/user-search-box';

export const userSearchBoxZhCN: typeof userSearchBoxEn = {
  label: '搜索用户',
  placeholder: '用户名或昵称的一部分',
  submit: '搜索',
  clear: '清除搜索',
  /** The admins' navigation link (the shell is on the first screen). */
  navSettings: '搜索设置',
  /** The header's go-to box: matches from the index as one types. */
  tooLong: '最多 {{max}} 个字符',
  indexBuilding_one: '正在建立搜索索引：已索引 {{users}} 个用户，搜索已可找到他们。',
  indexBuilding_other: '正在建立搜索索引：已索引 {{users}} 个用户，搜索已可找到他们。',
  indexComplete_one: '{{app}} 的搜索索引已建好：共 {{users}} 个用户',
  indexComplete_other: '{{app}} 的搜索索引已建好：共 {{users}} 个用户',
};
