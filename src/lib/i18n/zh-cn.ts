import { groupMembersZhCN } from './sections/zh-cn/group-members';
import { groupModerationZhCN } from './sections/zh-cn/group-moderation';
import { groupAttributesZhCN } from './sections/zh-cn/group-attributes';
import { friendsZhCN } from './sections/zh-cn/friends';
import { relationshipZhCN } from './sections/zh-cn/relationship';
import { groupPageZhCN } from './sections/zh-cn/group-page';
import { userActionsZhCN } from './sections/zh-cn/user-actions';
import { usersListZhCN } from './sections/zh-cn/users-list';
import { userPageZhCN } from './sections/zh-cn/user-page';
import { userRegisterZhCN } from './sections/zh-cn/user-register';
import type { Catalogue } from './en';
import { bulkZhCN } from './sections/zh-cn/bulk';
import { confirmZhCN } from './sections/zh-cn/confirm';
import { dataTableZhCN } from './sections/zh-cn/data-table';
import { errorsZhCN } from './sections/zh-cn/errors';

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
    closeDialog: '关闭对话框',
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
  groupList: {
    label: '群组',
    name: '名称',
    id: '群组 ID',
    owner: '群主',
    members: '成员数',
    empty: '还没有群组',
    emptyHint: '此应用中创建的群组会显示在这里。',
  },
  roster: {
    title: '成员',
    label: '{{group}} 的成员',
    username: '用户名',
    role: '角色',
    owner: '群主',
    member: '成员',
    empty: '此页没有成员',
    emptyHint: '此页已超出成员列表的末尾。',
    removeSelected: '移除所选成员',
    removeMany: '批量移除成员…',
    removeTitle: '从 {{group}} 移除成员',
    removeConfirm: '移除',
    removeDescribe_one: '从 {{group}} 移除 {{count}} 名成员。其管理员身份、禁言和成员属性将一并移除。',
    removeDescribe_other: '从 {{group}} 移除 {{count}} 名成员。其管理员身份、禁言和成员属性将一并移除。',
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
    label: '前往用户或群组',
    placeholder: '用户名或群组 ID',
    submit: '前往',
    searching: '正在查找“{{query}}”…',
    notFound: '此应用中没有名为“{{query}}”的用户或群组。',
    both: '“{{query}}”既是用户也是群组。打开：',
    user: '用户 {{name}}',
    group: '群组 {{name}}',
  },
  groupDetail: {
    muteAll_on: '全员禁言',
    muteAll_off: '解除全员禁言',
    muteAllTitle: '对 {{group}} 全员禁言？',
    muteAllMessage: '在解除之前，只有群主、管理员和白名单成员可以发言。',
    unmuteAllTitle: '解除 {{group}} 的全员禁言？',
    unmuteAllMessage: '除单独禁言的成员外，所有成员都可以再次发言。',
    mutedAll: '已全员禁言。',
    unmutedAll: '已解除全员禁言。',
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
  userActions: userActionsZhCN,
  usersList: usersListZhCN,
  userPage: userPageZhCN,
  userRegister: userRegisterZhCN,
  groupPage: groupPageZhCN,
  groupMembers: groupMembersZhCN,
  groupModeration: groupModerationZhCN,
  groupAttributes: groupAttributesZhCN,
  friends: friendsZhCN,
  relationship: relationshipZhCN,
};
