import type { TFunction } from '@/lib/i18n/translate';

/** How an operator signs in, in words; an unknown way as the server named it. */
export function signInName(t: TFunction, signIn: string): string {
  switch (signIn) {
    case 'password':
      return t('operators.viaPassword');
    case 'password+totp':
      return t('operators.viaTotp');
    case 'sso':
      return t('operators.viaSso');
    default:
      return signIn;
  }
}

/** Single sign-on: the identity provider gives the role and holds the password and second factor. */
export const isSso = (o: { signIn: string }) => o.signIn === 'sso';
