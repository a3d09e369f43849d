import { userSearchZhCN } from './sections/zh-cn/user-search';
import { auditZhCN } from './sections/zh-cn/audit';
import { groupMembersZhCN } from './sections/zh-cn/group-members';
import { groupModerationZhCN } from './sections/zh-cn/group-moderation';
import { groupAttributesZhCN } from './sections/zh-cn/group-attributes';
import { friendsZhCN } from './sections/zh-cn/friends';
import { relationshipZhCN } from './sections/zh-cn/relationship';
import { groupPageZhCN } from './sections/zh-cn/group-page';
import { userPageZhCN } from './sections/zh-cn/user-page';
import { userRegisterZhCN } from './sections/zh-cn/user-register';
import { bulkZhCN } from './sections/zh-cn/bulk';
import { commandPaletteZhCN } from './sections/zh-cn/command-palette';
import { accountZhCN } from './sections/zh-cn/account';
import { ssoZhCN } from './sections/zh-cn/sso';
import { operatorsZhCN } from './sections/zh-cn/operators';
import type { PagesCatalogue } from './en';

export const pagesZhCN: PagesCatalogue = {
  groupList: {
    label: '群组',
    name: '名称',
    id: '群组 ID',
    owner: '群主',
    members: '成员数',
    empty: '还没有群组',
    emptyHint: '此应用中创建的群组会显示在这里。',
  },
  groupDetail: {
    muteAll_on: '全员禁言',
    muteAll_off: '解除全员禁言',
    muteAllTitle: '对 {{group}} 全员禁言？',
    muteAllMessage: '解除之前，只有群组白名单中的成员可以发消息（群主或管理员需要发言时，请把他们加入白名单）。',
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
    created: '创建时间',
  },
  bulk: bulkZhCN,
  userPage: userPageZhCN,
  userRegister: userRegisterZhCN,
  groupPage: groupPageZhCN,
  groupMembers: groupMembersZhCN,
  groupModeration: groupModerationZhCN,
  groupAttributes: groupAttributesZhCN,
  friends: friendsZhCN,
  relationship: relationshipZhCN,
  audit: auditZhCN,
  userSearch: userSearchZhCN,
  commandPalette: commandPaletteZhCN,
  account: accountZhCN,
  sso: ssoZhCN,
  operators: operatorsZhCN,
};
