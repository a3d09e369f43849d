// Why a sign-in through the identity provider was refused: the server audits the code and the
// sign-in page explains it. Defined once, here, for both. This file imports nothing.
export const SSO_REFUSALS = ['sso_no_role', 'sso_email_domain', 'sso_disabled', 'sso_provider_error', 'sso_invalid_response', 'sso_no_flow', 'sso_unavailable'] as const;

export type SsoRefusal = (typeof SSO_REFUSALS)[number];
