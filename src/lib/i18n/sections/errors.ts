// Messages for failed calls: the API's own words go in {{description}}.
export const errorsEn = {
  unexpected: 'Unexpected error: {{message}}',
  validation: 'Not sent: {{description}}',
  network: 'The console server cannot be reached. Check your connection and that the console is still running.',
  unreachable: 'Cannot reach the IM host {{host}}: {{description}}',
  credentials: 'The IM host {{host}} refused the app credentials: {{description}}',
  config: 'The console’s IM settings are invalid: {{description}}',
  timeout: 'The IM host did not answer in time. Try again.',
  rateLimited: 'The IM service is rate limiting requests ({{error}}). Wait a moment and try again.',
  schema: 'The IM service answered {{call}} in an unexpected shape: {{description}}',
  http: '{{description}} ({{status}} {{error}})',
  httpBare: 'The IM service refused the request ({{status}} {{error}}).',
  refreshFailed: 'Could not refresh the data',
  actionFailed: 'The action failed',
};

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
  refreshFailed: '数据刷新失败',
  actionFailed: '操作失败',
};
