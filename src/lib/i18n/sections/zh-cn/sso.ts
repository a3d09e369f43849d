// Single sign-on on the sign-in page: the provider's button and why it refused someone.
import type { ssoEn } from '../en/sso';

export const ssoZhCN: typeof ssoEn = {
  button: '使用 {{label}} 登录',
  or: '或使用控制台密码登录',
  refusedTitle: '单点登录被拒绝',
  refusal: {
    sso_no_role: '你在身份提供方所属的群组都没有对应本控制台的角色。请管理员把你加入控制台对应的群组。',
    sso_email_domain: '你的邮箱不属于本控制台接受的域名。',
    sso_disabled: '你的控制台账号已停用。请管理员启用。',
    sso_provider_error: '身份提供方没有让你登录（在那里被取消或拒绝）。请重试。',
    sso_invalid_response: '身份提供方的应答没有通过控制台的校验，因此没有人登录。请重试；如果再次出现，请告知管理员。',
    sso_no_flow: '这次登录不是在本浏览器发起的，或已被使用，或耗时过长。请用下面的按钮重新开始。',
    sso_unavailable: '无法连接身份提供方。请稍后重试。',
  },
};
