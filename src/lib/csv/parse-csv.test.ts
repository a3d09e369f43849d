import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv';

const users = { columns: ['username', 'password', 'nickname'], required: ['username', 'password'] } as const;
const read = (text: string) => parseCsv(text, users);

describe('parseCsv', () => {
  it('reads a header in any case, order and padding, with a UTF-8 BOM and CRLF', async () => {
    const t = await read('\ufeff Nickname ,USERNAME,Password\r\n小明,xiaoming,pw1\r\nBob,bob,pw2\r\n');
    expect(t.hasHeader).toBe(true);
    expect(t.missingColumns).toEqual([]);
    expect(t.rows.map((r) => r.values)).toEqual([
      { nickname: '小明', username: 'xiaoming', password: 'pw1' },
      { nickname: 'Bob', username: 'bob', password: 'pw2' },
    ]);
    expect(t.rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it('reads header-less lines as username,password[,nickname], without a BOM', async () => {
    const t = await read('alice,pw\nbob,pw2,鲍勃\n');
    expect(t.hasHeader).toBe(false);
    expect(t.rows.map((r) => r.values)).toEqual([
      { username: 'alice', password: 'pw' },
      { username: 'bob', password: 'pw2', nickname: '鲍勃' },
    ]);
  });

  it('keeps commas, doubled quotes and newlines inside quoted fields, and counts lines across them', async () => {
    const t = await read('username,password,nickname\n"a1","p,w","Smith, ""J""\nline two"\n\n  \nb2,pw,x\n');
    expect(t.rows[0]!.values).toEqual({ username: 'a1', password: 'p,w', nickname: 'Smith, "J"\nline two' });
    expect(t.rows[0]!.line).toBe(2);
    // Blank and whitespace-only lines are skipped but still counted.
    expect(t.rows[1]!.line).toBe(6);
    expect(t.rows).toHaveLength(2);
  });

  it('reports rows that lack required columns and fields beyond the known ones', async () => {
    const t = await read('carol\ndave,pw,Dave,Jr\nerin,\n');
    expect(t.rows[0]!.missing).toEqual(['password']);
    expect(t.rows[1]!.extra).toEqual(['Jr']);
    // Present but empty is not "missing": the caller says "empty password".
    expect(t.rows[2]!.missing).toEqual([]);
    expect(t.rows[2]!.values.password).toBe('');
  });

  it('reports required columns the header lacks, and ignores unknown ones', async () => {
    const t = await read('username,nick,email\nalice,A,a@example.com\n');
    expect(t.missingColumns).toEqual(['password']);
    expect(t.ignoredColumns).toEqual(['nick', 'email']);
    // Not reported again on every row.
    expect(t.rows[0]!.missing).toEqual([]);
  });

  it('reads tab-separated text pasted from a spreadsheet', async () => {
    const t = await read('username\tpassword\tnickname\nalice\tpw\t爱丽丝\n');
    expect(t.rows[0]!.values).toEqual({ username: 'alice', password: 'pw', nickname: '爱丽丝' });
  });

  it('marks a row with a broken quote as malformed', async () => {
    const t = await read('ok,pw\n"bad"x,pw\n');
    expect(t.rows[0]!.malformed).toBe(false);
    expect(t.rows[1]!.malformed).toBe(true);
  });

  it('gives no rows for empty or blank text', async () => {
    expect((await read('')).rows).toEqual([]);
    expect((await read('\ufeff\r\n  \n')).rows).toEqual([]);
  });
});
