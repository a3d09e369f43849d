// Signing in and out, the operator in the header, and the errors a session or a role causes.
import type { sessionEn } from '../en/session';

export const sessionZhCN: typeof sessionEn = {
  signInTitle: '登录 IM 管理控制台',
  signInIntro: '请使用你的控制台账号登录。登录后将打开你请求的页面。',
  expired: '你的会话已结束。请重新登录，登录后回到原来的页面。',
  signedOut: '你已退出登录。',
  username: '用户名',
  password: '密码',
  usernameRequired: '请输入用户名',
  passwordRequired: '请输入密码',
  submit: '登录',
  failedTitle: '未能登录',
  tooManyAttempts: '失败次数过多。请在 {{wait}}后重试。',
  waitSeconds_one: '{{count}} 秒',
  waitSeconds_other: '{{count}} 秒',
  waitMinutes_one: '{{count}} 分钟',
  waitMinutes_other: '{{count}} 分钟',
  checkFailed: '控制台无法确认你是否已登录。',
  operator: '当前登录：{{username}}',
  roles: {
    viewer: '只读',
    support: '客服',
    moderator: '群管理',
    admin: '管理员',
  },
  signOut: '退出登录',
  forbiddenRole: '你的角色（{{role}}）无权执行 {{call}}；请联系管理员。',
  signedOutError: '你已退出登录：请重新登录，页面会保持在原处。',
  csrfFailed: '服务器拒绝了该请求：页面的会话令牌缺失或已过期。请刷新页面后重试。',
  pageNotAllowed: '你的角色（{{role}}）无权使用此页面；请联系管理员。',
  navAudit: '审计日志',
};
