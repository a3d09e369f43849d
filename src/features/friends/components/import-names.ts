import { parseUsernames, type ParsedNames } from '@/lib/bulk/parse-names';

/** The fields of one CSV line (comma, tab or semicolon; double quotes around a field, `""` inside one). */
function cells(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (line[i + 1] === '"') field += line[++i];
      else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === '\t' || ch === ';') {
      out.push(field.trim());
      field = '';
    } else field += ch;
  }
  out.push(field.trim());
  return out;
}

/**
 * Names to import from pasted text: plain names (one per line, or separated by commas or spaces),
 * or CSV text whose first row names a `username` column (the other columns are ignored).
 */
export function readFriendNames(text: string): ParsedNames {
  const lines = text.split(/\r\n?|\n/).filter((l) => l.trim() !== '');
  const header = lines[0] ? cells(lines[0].replace(/^\ufeff/, '')).map((c) => c.toLowerCase()) : [];
  const column = header.indexOf('username');
  if (column === -1) return parseUsernames(text);
  return parseUsernames(
    lines
      .slice(1)
      .map((l) => cells(l)[column] ?? '')
      .join('\n'),
  );
}
