// Messages for failed calls: the API's own words go in {{description}}.
import type { errorsEn } from '../en/errors';

export const errorsZhCN: typeof errorsEn = {
  unexpected: '意外错误：{{message}}',
  validation: '未发送：{{description}}',
  network: '无法连接控制台服务器。请检查网络，并确认控制台仍在运行。',
  unreachable: '无法连接 IM 服务器 {{host}}：{{description}}',
  credentials: 'IM 服务器 {{host}} 拒绝了应用凭证：{{description}}',
  config: '控制台的 IM 配置无效：{{description}}',
  timeout: 'IM 服务器未能及时响应，请重试。',
  rateLimited: 'IM 服务正在限流（{{error}}），请稍后重试。',
  schema: 'IM 服务对 {{call}} 的响应格式不符合预期：{{description}}',
  http: '{{description}}（{{status}} {{error}}）',
  httpBare: 'IM 服务拒绝了该请求（{{status}} {{error}}）。',
  notDone: 'IM 服务未执行 {{call}}：{{description}}',
  notDoneBare: 'IM 服务响应了 {{call}}，但未执行该操作。',
  refreshFailed: '数据刷新失败',
  actionFailed: '操作失败',
};
