import { describe, expect, it } from 'vitest';
import type { Catalogue } from './en';
import { translate } from './translate';

const catalogue = {
  a: {
    hello: 'Hello {{name}}, {{ name }}!',
    valid_one: '{{count}} name',
    valid_other: '{{count}} names',
    muteAll: 'Everyone muted',
    muteAll_on: 'Mute everyone',
    muteAll_off: 'Lift the mute',
    left: 'Keep {{unknown}}',
  },
} as unknown as Catalogue;

describe('translate', () => {
  it('interpolates named values, with or without spaces in the braces', () => {
    expect(translate(catalogue, 'en', 'a.hello', { name: 'bob' })).toBe('Hello bob, bob!');
  });

  it('picks the plural form of the language', () => {
    expect(translate(catalogue, 'en', 'a.valid', { count: 1 })).toBe('1 name');
    expect(translate(catalogue, 'en', 'a.valid', { count: 0 })).toBe('0 names');
    expect(translate(catalogue, 'en', 'a.valid', { count: 60 })).toBe('60 names');
    // Chinese has one form, `other`.
    expect(translate(catalogue, 'zh-CN', 'a.valid', { count: 1 })).toBe('1 names');
  });

  it('uses the context form when there is one, and the bare key otherwise', () => {
    expect(translate(catalogue, 'en', 'a.muteAll', { context: 'on' })).toBe('Mute everyone');
    expect(translate(catalogue, 'en', 'a.muteAll', { context: 'off' })).toBe('Lift the mute');
    expect(translate(catalogue, 'en', 'a.muteAll', { context: 'sideways' })).toBe('Everyone muted');
    expect(translate(catalogue, 'en', 'a.muteAll')).toBe('Everyone muted');
  });

  it('leaves unknown placeholders as they are and returns the key when nothing matches', () => {
    expect(translate(catalogue, 'en', 'a.left')).toBe('Keep {{unknown}}');
    expect(translate(catalogue, 'en', 'a.nothing')).toBe('a.nothing');
    expect(translate(catalogue, 'en', 'a')).toBe('a');
    expect(translate(undefined, 'en', 'a.hello')).toBe('a.hello');
  });
});
