import { describe, expect, it } from 'vitest';
import { captureDownloads } from '@/testing/downloads';
import { downloadText, readTextFile } from './download';

describe('readTextFile', () => {
  it('reads UTF-8 with a BOM (dropped) and without', async () => {
    const withBom = new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), 'username\n小明']);
    expect(await readTextFile(withBom)).toEqual({ text: 'username\n小明', encoding: 'utf-8' });
    expect(await readTextFile(new Blob(['小明']))).toEqual({ text: '小明', encoding: 'utf-8' });
  });

  it('falls back to GB18030 for a file that is not UTF-8', async () => {
    // "小明" in GBK.
    const gbk = new Blob([new Uint8Array([0xd0, 0xa1, 0xc3, 0xf7])]);
    expect(await readTextFile(gbk)).toEqual({ text: '小明', encoding: 'gb18030' });
  });
});

describe('downloadText', () => {
  it('clicks a temporary link to an object URL with the file name', async () => {
    const saved = captureDownloads();
    downloadText('users.csv', '\ufeffa\r\n');
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ name: 'users.csv', linkInDocument: true });
    expect(document.querySelector('a[download]')).toBeNull();
    expect(saved[0]!.blob.type).toBe('text/csv;charset=utf-8');
    expect(new Uint8Array(await saved[0]!.blob.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});
