// The documented limits of group member attributes (seed 002), counted the way the service counts:
// in UTF-8 bytes, so a Chinese character takes 3 and most emoji 4.

export const ATTRIBUTE_LIMITS = {
  /** One key: at most 16 bytes. */
  keyBytes: 16,
  /** One value: at most 512 bytes. */
  valueBytes: 512,
  /** All of one member's attributes: at most 4 KB (keys and values together, the stricter reading). */
  memberBytes: 4096,
  /** One key read across at most 10 members per call. */
  targets: 10,
} as const;

const encoder = new TextEncoder();

/** The UTF-8 length of `text` (a lone surrogate counts as the 3-byte replacement character). */
export const utf8Bytes = (text: string): number => encoder.encode(text).length;

/** The bytes of a whole attribute map: every key and every value. */
export const attributesBytes = (attributes: Readonly<Record<string, string>>): number =>
  Object.entries(attributes).reduce((sum, [k, v]) => sum + utf8Bytes(k) + utf8Bytes(v), 0);

export type AttributeCheck = {
  keyBytes: number;
  valueBytes: number;
  /** The member's total after this edit is saved (the key replaced if it exists). */
  totalBytes: number;
  key?: 'required' | 'too-long';
  value?: 'required' | 'too-long';
  total?: 'too-large';
};

/**
 * Checks one key/value about to be set on a member that has `current` attributes. An empty value
 * is refused here: the API reads it as "delete the key", which has its own confirmed action.
 */
export function checkAttribute(current: Readonly<Record<string, string>>, key: string, value: string): AttributeCheck {
  const keyBytes = utf8Bytes(key);
  const valueBytes = utf8Bytes(value);
  const after = { ...current, [key]: value };
  const totalBytes = attributesBytes(after);
  return {
    keyBytes,
    valueBytes,
    totalBytes,
    key: key.length === 0 ? 'required' : keyBytes > ATTRIBUTE_LIMITS.keyBytes ? 'too-long' : undefined,
    value: value.length === 0 ? 'required' : valueBytes > ATTRIBUTE_LIMITS.valueBytes ? 'too-long' : undefined,
    total: totalBytes > ATTRIBUTE_LIMITS.memberBytes ? 'too-large' : undefined,
  };
}

export const isValidAttribute = (c: AttributeCheck) => !c.key && !c.value && !c.total;

/** One key across members: the number of members must be 1..10 and the key non-empty and ≤ 16 bytes. */
export function checkAcross(key: string, members: readonly string[]): { key?: 'required' | 'too-long'; members?: 'required' | 'too-many' } {
  return {
    key: key.length === 0 ? 'required' : utf8Bytes(key) > ATTRIBUTE_LIMITS.keyBytes ? 'too-long' : undefined,
    members: members.length === 0 ? 'required' : members.length > ATTRIBUTE_LIMITS.targets ? 'too-many' : undefined,
  };
}
