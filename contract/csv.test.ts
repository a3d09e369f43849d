import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvText } from './csv';

const BOM = '\ufeff';
/** The one data row of a single-column CSV, between the header's CRLF and the final CRLF. */
const cell = (value: string) => csvText(['h'], [[value]]).slice(`${BOM}h\r\n`.length, -2);

describe('csvText', () => {
  it('starts with a BOM, separates rows with CRLF and ends with one', () => {
    expect(csvText(['a', 'b'], [['1', '2'], ['3', '4']])).toBe(`${BOM}a,b\r\n1,2\r\n3,4\r\n`);
    expect(csvText(['a', 'b'], [])).toBe(`${BOM}a,b\r\n`);
  });

  it('leaves an ordinary cell unquoted', () => {
    expect(csvText(['username', 'nickname'], [['alice', 'Alice Smith']])).toBe(`${BOM}username,nickname\r\nalice,Alice Smith\r\n`);
    expect(cell('a=b')).toBe('a=b');
    expect(cell("it's")).toBe("it's");
  });

  it('quotes a cell holding a semicolon (Excel splits on it where ; is the list separator)', () => {
    expect(csvText(['a', 'b'], [['x;y', 'z']])).toBe(`${BOM}a,b\r\n"x;y",z\r\n`);
    expect(csvText(['a;b'], [])).toBe(`${BOM}"a;b"\r\n`);
  });

  it('quotes commas, quotes, line breaks and edge spaces, doubling quotes', () => {
    expect(cell('x,y')).toBe('"x,y"');
    expect(cell('say "hi"')).toBe('"say ""hi"""');
    expect(cell('two\nlines')).toBe('"two\nlines"');
    expect(cell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(cell(' pad')).toBe('" pad"');
    expect(cell('pad ')).toBe('"pad "');
    expect(cell('tab\t')).toBe('"tab\t"');
  });

  it.each([
    ['=1+1', `"'=1+1"`],
    ['+1', `"'+1"`],
    ['-1', `"'-1"`],
    ['@x', `"'@x"`],
    ['\tx', `"'\tx"`],
    ['\rx', `"'\rx"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['=1+1;2', `"'=1+1;2"`],
    // papaparse's own `escapeFormulae: true` misses these (its pattern stops at a line break).
    ['=1+1\nnote', `"'=1+1\nnote"`],
    ['@SUM(A1)\r\nx', `"'@SUM(A1)\r\nx"`],
    ['\r\nx', `"'\r\nx"`],
  ])('writes formula-looking text %j as text with a leading quote', (value, written) => {
    expect(cell(value)).toBe(written);
    expect(Papa.parse<string[]>(cell(value)).data[0]?.[0]).toBe(`'${value}`);
  });

  it('writes numbers and booleans as String(v), not formula-escaped, and null/undefined as empty cells', () => {
    expect(csvText(['a', 'b', 'c', 'd', 'e', 'f'], [[-5, 1.5, true, false, null, undefined]])).toBe(`${BOM}a,b,c,d,e,f\r\n-5,1.5,true,false,,\r\n`);
    expect(cell('')).toBe('');
  });

  it('escapes formula-looking header cells too', () => {
    expect(csvText(['=x', 'ok'], [])).toBe(`${BOM}"'=x",ok\r\n`);
  });

  it('round-trips Chinese and awkward text through Papa.parse', () => {
    const header = ['用户名', '昵称', '备注'];
    const rows = [
      ['小明', '中,文', '第一行\r\n第二行'],
      ['王"五"', '；全角分号;半角', ' 前后空格 '],
    ];
    const csv = csvText(header, rows);
    expect(csv).toContain('小明,"中,文"');
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([header, ...rows]);
  });

  it('keeps every row to the header width', () => {
    expect(csvText(['a', 'b'], [['1'], ['1', '2', '3']])).toBe(`${BOM}a,b\r\n1,\r\n1,2\r\n`);
  });
});
