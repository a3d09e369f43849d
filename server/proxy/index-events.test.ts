import { describe, expect, it } from 'vitest';
import { userIndexEvents } from './index-events.js';

describe('userIndexEvents', () => {
  it('registers the users the answer holds, not the request', () => {
    const answer = { entities: [{ username: 'ann', nickname: '安', activated: true, created: 5 }, { username: 'bo' }, { nickname: 'no name' }, null] };
    expect(userIndexEvents('POST', 'users', {}, [{ username: 'ann' }, { username: 'refused' }], answer)).toEqual([
      {
        type: 'registered',
        users: [
          { username: 'ann', nickname: '安', activated: true, created: 5 },
          { username: 'bo', nickname: '', activated: true, created: null },
        ],
      },
    ]);
  });

  it('deletes one user by path, several by the answer', () => {
    expect(userIndexEvents('DELETE', 'users/{username}', { username: 'ann' }, undefined, {})).toEqual([{ type: 'deleted', usernames: ['ann'] }]);
    expect(userIndexEvents('DELETE', 'users', {}, undefined, { entities: [{ username: 'a' }, { username: 7 }, { username: 'b' }] })).toEqual([
      { type: 'deleted', usernames: ['a', 'b'] },
    ]);
  });

  it('renames only when the request sets a nickname', () => {
    expect(userIndexEvents('PUT', 'users/{username}', { username: 'ann' }, { nickname: 'Annie' }, {})).toEqual([{ type: 'nickname', username: 'ann', nickname: 'Annie' }]);
    expect(userIndexEvents('PUT', 'users/{username}', { username: 'ann' }, { nickname: '' }, {})).toEqual([{ type: 'nickname', username: 'ann', nickname: '' }]);
    expect(userIndexEvents('PUT', 'users/{username}', { username: 'ann' }, { nickname: null }, {})).toEqual([]);
    expect(userIndexEvents('PUT', 'users/{username}', { username: 'ann' }, '[non-JSON]', {})).toEqual([]);
  });

  it('bans and unbans', () => {
    expect(userIndexEvents('POST', 'users/{username}/deactivate', { username: 'ann' }, undefined, {})).toEqual([{ type: 'activation', username: 'ann', activated: false }]);
    expect(userIndexEvents('POST', 'users/{username}/activate', { username: 'ann' }, undefined, {})).toEqual([{ type: 'activation', username: 'ann', activated: true }]);
  });

  it('ignores other calls and answers without entities', () => {
    expect(userIndexEvents('GET', 'users/{username}', { username: 'ann' }, undefined, { entities: [{ username: 'ann' }] })).toEqual([]);
    expect(userIndexEvents('PUT', 'users/{username}/password', { username: 'ann' }, { newpassword: 'x' }, {})).toEqual([]);
    expect(userIndexEvents('POST', 'users', {}, undefined, '[non-JSON]')).toEqual([]);
    expect(userIndexEvents('DELETE', 'users', {}, undefined, undefined)).toEqual([]);
  });
});
