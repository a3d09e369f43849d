// Single sign-on on the sign-in page: the provider's button and why it refused someone.
export const ssoEn = {
  button: 'Sign in with {{label}}',
  or: 'or with a console password',
  refusedTitle: 'Single sign-on refused',
  refusal: {
    sso_no_role: 'None of your groups at the identity provider gives a role in this console. Ask an admin to add you to the console’s group there.',
    sso_email_domain: 'Your email address is not in a domain this console accepts.',
    sso_disabled: 'Your console account is disabled. Ask an admin to enable it.',
    sso_provider_error: 'The identity provider did not sign you in (cancelled or refused there). Try again.',
    sso_invalid_response: 'The identity provider’s answer did not pass the console’s checks, so nobody was signed in. Try again; if it happens again, tell an admin.',
    sso_no_flow: 'This sign-in was not started in this browser, or was already used or took too long. Start again with the button below.',
    sso_unavailable: 'The identity provider could not be reached. Try again in a moment.',
  },
};
