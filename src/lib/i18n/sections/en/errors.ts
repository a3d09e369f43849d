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
  notDone: 'The IM service did not carry out {{call}}: {{description}}',
  notDoneBare: 'The IM service answered {{call}} without carrying it out.',
  refreshFailed: 'Could not refresh the data',
  actionFailed: 'The action failed',
};
