import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv';
import { neutraliseFormula, toCsv } from './write-csv';

describe('neutraliseFormula', () => {
  it.each(['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with a quote', (v) => {
    expect(neutraliseFormula(v)).toBe(`'${v}`);
  });
  it.each(['alice', '1', 'a=b', '', '中文'])('leaves %j alone', (v) => {
    expect(neutraliseFormula(v)).toBe(v);
  });
});

describe('toCsv', () => {
  it('starts with a BOM, uses CRLF and ends with one', async () => {
    const csv = await toCsv(['username', 'nickname'], [['alice', '爱丽丝']]);
    expect(csv).toBe('\ufeffusername,nickname\r\nalice,爱丽丝\r\n');
  });

  it('quotes commas, quotes, newlines and edge spaces only where needed', async () => {
    const csv = await toCsv(['a', 'b', 'c', 'd'], [['x,y', 'say "hi"', 'two\nlines', ' pad']]);
    expect(csv).toBe('\ufeffa,b,c,d\r\n"x,y","say ""hi""","two\nlines"," pad"\r\n');
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
