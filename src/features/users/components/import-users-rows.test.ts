import { describe, expect, it } from 'vitest';
import { readImport, registrations } from './import-users-rows';

describe('readImport', () => {
  it('marks each row valid or with its problems, before anything is sent', async () => {
    const check = await readImport(
      [
        'UserName,Password,Nickname',
        'Alice01,pw,爱丽丝',
        'bad name,pw,',
        'alice01,other,dup',
        `${'x'.repeat(65)},pw`,
        'nopw,',
        `longpw,${'p'.repeat(65)}`,
        `nick,pw,${'n'.repeat(101)}`,
        'lonely',
        '"broken"x,pw',
      ].join('\r\n'),
    );
    const kinds = check.rows.map((r) => [r.line, r.problems.map((p) => p.kind)]);
    expect(kinds).toEqual([
      [2, []],
      [3, ['username-characters']],
      [4, ['duplicate']],
      [5, ['username-too-long']],
      [6, ['password-required']],
      [7, ['password-too-long']],
      [8, ['nickname-too-long']],
      [9, ['missing-column']],
      [10, ['malformed']],
    ]);
    expect(check.rows[0]).toMatchObject({ username: 'alice01', typed: 'Alice01', nickname: '爱丽丝' });
    expect(check.rows[2]!.problems[0]).toEqual({ kind: 'duplicate', line: 2 });
    expect([...registrations(check).values()]).toEqual([{ username: 'alice01', password: 'pw', nickname: '爱丽丝' }]);
  });

  it('sends nothing when the header lacks the password column', async () => {
    const check = await readImport('username,nickname\nalice,A\n');
    expect(check.missingColumns).toEqual(['password']);
    expect(registrations(check).size).toBe(0);
  });

  it('reads header-less lines, with too many fields refused', async () => {
    const check = await readImport('bob02,pw2\ncarl,pw,Smith, John\n');
    expect(check.hasHeader).toBe(false);
    expect(check.rows[1]!.problems).toEqual([{ kind: 'extra-fields', count: 1 }]);
    expect([...registrations(check).keys()]).toEqual(['bob02']);
  });
});
