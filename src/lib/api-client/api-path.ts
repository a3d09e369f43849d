import { ApiError } from './api-error';

/** One path segment, encoded so that `/ ? # % ,` and non-ASCII in names survive. */
export function encodeSegment(value: string): string {
  // URL parsing resolves `.` and `..` away, even as `%2E%2E`: such a name cannot be addressed.
  if (value === '.' || value === '..') {
    throw new ApiError({ kind: 'validation', error: 'unaddressable_name', description: `"${value}" cannot be used in a URL path`, call: '' });
  }
  return encodeURIComponent(value);
}

/** A comma-joined list in one segment (`u1,u2`): each item encoded, the commas kept. */
export function encodeList(values: readonly string[]): string {
  return values.map(encodeSegment).join(',');
}

/**
 * Builds an API path with every interpolated value encoded:
 * apiPath`chatgroups/${groupId}/users/${[a, b]}` → `chatgroups/42/users/a,b`.
 */
export function apiPath(strings: TemplateStringsArray, ...values: (string | number | readonly string[])[]): string {
  return strings.reduce((out, s, i) => {
    if (i === 0) return s;
    const v = values[i - 1]!;
    return out + (Array.isArray(v) ? encodeList(v) : encodeSegment(String(v))) + s;
  }, '');
}
