import { userSearchBoxZhCN } from './sections/zh-cn/user-search-box';
import { sessionZhCN } from './sections/zh-cn/session';
import { userActionsZhCN } from './sections/zh-cn/user-actions';
import { usersListZhCN } from './sections/zh-cn/users-list';
import { confirmZhCN } from './sections/zh-cn/confirm';
import { dataTableZhCN } from './sections/zh-cn/data-table';
import { errorsZhCN } from './sections/zh-cn/errors';
import type { CoreCatalogue } from './en';

export const coreZhCN: CoreCatalogue = {
  app: {
    title: 'IM 管理控制台',
  },
  nav: {
    label: '主导航',
    toggle: '展开或收起导航',
    users: '用户',
    groups: '群组',
    relationship: '关系检查',
    account: '我的账号',
    operators: '操作员',
  },
  language: {
    label: '语言',
  },
  home: {
    title: '欢迎使用 IM 管理控制台',
    intro: '在“用户”页面管理用户账号，在“群组”页面管理聊天群组。',
  },
  groups: {
    title: '群组',
  },
  common: {
    closeDialog: '关闭对话框',
    closeNotification: '关闭通知',
    loading: '加载中…',
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
  shell: {
    app: '当前应用',
    appHint: '{{host}} 上的 {{appKey}}',
    colorScheme: '配色',
    schemeAuto: '跟随系统',
    schemeLight: '浅色',
    schemeDark: '深色',
  },
  connection: {
    checking: '正在检查与 {{host}} 的连接…',
    ok: '已连接 {{host}}',
    failedTitle: '控制台无法使用应用 {{app}}',
    recheck: '重新检查',
    emulatorApp: '模拟器 · {{scheme}}',
  },
  apps: {
    unknownTitle: '没有这个应用',
    unknownDescription: '未配置名为“{{app}}”的应用。请选择：',
    noneTitle: '未配置 IM 应用',
    noneDescription: '请设置 IM_HOST 及其凭证（见 README），或不设置以使用本地模拟器。',
  },
  goTo: {
    open: '前往用户、群组、页面或操作',
    trigger: '前往…',
  },
  errors: errorsZhCN,
  dataTable: dataTableZhCN,
  confirm: confirmZhCN,
  userActions: userActionsZhCN,
  usersList: usersListZhCN,
  session: sessionZhCN,
  userSearchBox: userSearchBoxZhCN,
};
