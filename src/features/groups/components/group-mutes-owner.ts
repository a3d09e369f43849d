import { parseUsernames, type ParsedNames } from '@/lib/bulk/parse-names';

/** The owner can be neither muted nor blocked (the API refuses): leave them out of the input. */
export function withoutOwner(names: readonly string[], owner: string | undefined): { names: string[]; ownerLeftOut: boolean } {
  if (!owner) return { names: [...names], ownerLeftOut: false };
  const o = owner.toLowerCase();
  const kept = names.filter((n) => n.toLowerCase() !== o);
  return { names: kept, ownerLeftOut: kept.length !== names.length };
}

/** Pasted names, read as usual, without the owner. */
export const parseWithoutOwner =
  (owner: string | undefined) =>
  (text: string): ParsedNames => {
    const parsed = parseUsernames(text);
    return { ...parsed, valid: withoutOwner(parsed.valid, owner).names };
  };
