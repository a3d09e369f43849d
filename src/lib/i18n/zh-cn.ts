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
    loading: '加载中…',
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
    emulator: '本地模拟器',
  },
  apps: {
    unknownTitle: '没有这个应用',
    unknownDescription: '未配置名为“{{app}}”的应用。请选择：',
    noneTitle: '未配置 IM 应用',
    noneDescription: '请设置 IM_HOST 及其凭证（见 README），或不设置以使用本地模拟器。',
  },
  goTo: {
    label: '前往用户或群组',
    placeholder: '用户名或群组 ID',
    submit: '前往',
    searching: '正在查找“{{query}}”…',
    notFound: '此应用中没有名为“{{query}}”的用户或群组。',
    both: '“{{query}}”既是用户也是群组。打开：',
    user: '用户 {{name}}',
    group: '群组 {{name}}',
  },
  userDetail: {
    notFound: '此应用中没有用户“{{username}}”。',
    nickname: '推送昵称',
    status: '账号状态',
    active: '正常',
    banned: '已封禁',
    created: '创建时间',
    modified: '修改时间',
    displayStyle: '推送显示',
    displayStyle0: '仅通知',
    displayStyle1: '显示消息详情',
    noDisturbing: '免打扰',
    noDisturbingOn: '开启，{{start}}:00–{{end}}:00',
    off: '关闭',
    notSet: '未设置',
    uuid: 'UUID',
  },
  groupDetail: {
    notFound: '此应用中没有 ID 为“{{groupId}}”的群组。',
    id: '群组 ID',
    owner: '群主',
    members: '成员',
    membersOf: '{{count}} / {{max}}',
    visibility: '可见性',
    public: '公开',
    private: '私有',
    joining: '入群方式',
    membersOnly: '需要审批',
    open: '自由加入',
    muteAll: '全员禁言',
    yes: '是',
    no: '否',
    description: '简介',
    created: '创建时间',
  },
  errors: errorsZhCN,
  dataTable: dataTableZhCN,
  bulk: bulkZhCN,
  confirm: confirmZhCN,
};
