import { REGISTER_LIMITS } from '@/features/users/api/register-users';

// The documented username rule; capitals are accepted and stored in lower case.
const USERNAME_RE = /^[a-z0-9_.-]+$/;

export type UsernameProblem = 'required' | 'too-long' | 'characters';
export type PasswordProblem = 'required' | 'too-long';

/** The name as the service stores it. */
export const storedUsername = (typed: string) => typed.trim().toLowerCase();

export function usernameProblem(typed: string): UsernameProblem | undefined {
  const name = storedUsername(typed);
  if (name === '') return 'required';
  // UTF-16 length, as the service counts it.
  if (name.length > REGISTER_LIMITS.username) return 'too-long';
  if (!USERNAME_RE.test(name)) return 'characters';
  return undefined;
}

export function passwordProblem(password: string): PasswordProblem | undefined {
  if (password.length === 0) return 'required';
  if (password.length > REGISTER_LIMITS.password) return 'too-long';
  return undefined;
}

export const nicknameTooLong = (nickname: string) => nickname.length > REGISTER_LIMITS.nickname;
