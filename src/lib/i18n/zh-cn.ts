import type { Catalogue } from './en';
import { bulkZhCN } from './sections/bulk';
import { confirmZhCN } from './sections/confirm';
import { dataTableZhCN } from './sections/data-table';
import { errorsZhCN } from './sections/errors';

export const zhCN: Catalogue = {
  app: {
    title: 'IM 管理控制台',
  },
  nav: {
    label: '主导航',
    toggle: '展开或收起导航',
    users: '用户',
    groups: '群组',
  },
  language: {
    label: '语言',
    name: '简体中文',
  },
  home: {
    title: '欢迎使用 IM 管理控制台',
    intro: '在“用户”页面管理用户账号，在“群组”页面管理聊天群组。',
  },
  users: {
    title: '用户',
  },
  groups: {
    title: '群组',
  },
  common: {
    comingSoon: '此页面即将推出。',
    confirm: '确认',
    cancel: '取消',
  },
  notFound: {
    title: '页面不存在',
    description: '你要访问的页面不存在。',
    backHome: '返回首页',
  },
  error: {
    title: '出错了',
    retry: '重试',
  },
  errors: errorsZhCN,
  dataTable: dataTableZhCN,
  bulk: bulkZhCN,
  confirm: confirmZhCN,
};
