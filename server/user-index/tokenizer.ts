// How names are cut into the fragments the index finds them by. FTS5's trigram tokenizer covers
// 3+ characters; shorter fragments need tables of their own (see schema.ts).

export const isLatin = (ch: string) => ch.codePointAt(0)! < 0x80;

/** A character the 1- and 2-character fragment table holds: non-Latin, not a space. */
export const isGramChar = (ch: string) => !isLatin(ch) && !/\s/u.test(ch);

/** Distinct 1- and 2-character fragments made only of non-Latin characters, lower-cased. */
export function shortGrams(...texts: string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    const chars = [...text.toLowerCase()];
    chars.forEach((ch, i) => {
      if (!isGramChar(ch)) return;
      out.add(ch);
      const next = chars[i + 1];
      if (next !== undefined && isGramChar(next)) out.add(ch + next);
    });
  }
  return [...out];
}

/** Distinct lower-cased trigrams holding at least one Latin character. */
export function latinTrigrams(...texts: string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    const chars = [...text.toLowerCase()];
    for (let i = 0; i + 3 <= chars.length; i++) {
      const tri = chars.slice(i, i + 3);
      if (tri.some(isLatin)) out.add(tri.join(''));
    }
  }
  return [...out];
}

/** An FTS5 string literal: the query as one phrase, quotes doubled. */
export const phrase = (q: string) => `"${q.replaceAll('"', '""')}"`;

/** The end of a prefix range: every string starting with `p` sorts below it. */
export const prefixEnd = (p: string) => `${p}\u{10FFFF}`;
