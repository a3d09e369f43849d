import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv';
import { csvText } from '@contract/csv';
import { toCsv } from './write-csv';

// The writer itself is tested in contract/csv.test.ts; these pin what the users export relies on.

describe('toCsv', () => {
  it('starts with a BOM, uses CRLF and ends with one', async () => {
    const csv = await toCsv(['username', 'nickname'], [['alice', '爱丽丝']]);
    expect(csv).toBe('\ufeffusername,nickname\r\nalice,爱丽丝\r\n');
  });

  it('quotes commas, semicolons, quotes, newlines and edge spaces only where needed', async () => {
    const csv = await toCsv(['a', 'b', 'c', 'd', 'e', 'f'], [['x,y', 'x;y', 'say "hi"', 'two\nlines', ' pad', 'plain']]);
    expect(csv).toBe('\ufeffa,b,c,d,e,f\r\n"x,y","x;y","say ""hi""","two\nlines"," pad",plain\r\n');
  });

  it('is csvText from @contract/csv', async () => {
    const header = ['a', 'b'];
    const rows = [['=1', '中;文'], [null, 3]];
    expect(await toCsv(header, rows)).toBe(csvText(header, rows));
  });

  it('neutralises formula-looking text, not numbers or booleans, and writes empty cells for null', async () => {
    const csv = await toCsv(['a', 'b', 'c', 'd', 'e'], [['=HYPERLINK("x")', -5, true, null, undefined]]);
    expect(csv).toBe('\ufeffa,b,c,d,e\r\n"\'=HYPERLINK(""x"")",-5,true,,\r\n');
  });

  it('reads back to the same values', async () => {
    const rows = [['bob', 'Smith, "J"\r\nline', 'x'], ['小明', '', '中,文']];
    const table = await parseCsv(await toCsv(['username', 'password', 'nickname'], rows), {
      columns: ['username', 'password', 'nickname'],
      required: ['username'],
    });
    expect(table.rows.map((r) => [r.values.username, r.values.password, r.values.nickname])).toEqual([
      ['bob', 'Smith, "J"\nline', 'x'],
      ['小明', '', '中,文'],
    ]);
  });
});
