import { act, renderHook, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DecodedText } from '@/lib/csv/download';
import { renderWithProviders } from '@/testing/render';
import { TextFileInput } from './text-file-input';
import { useTextFile, type TextFileSource } from './use-text-file';

const csv = (parts: BlobPart[], name = 'users.csv') => new File(parts, name, { type: 'text/csv' });

function Shown({ source }: { source: TextFileSource<unknown> }) {
  return (
    <>
      <TextFileInput source={source} label="CSV file" clearLabel="Remove the file" />
      <output aria-label="content">{source.read ? `${source.read.name}: ${JSON.stringify(source.read.value)}` : 'none'}</output>
      {source.error !== undefined && <p role="alert">{String(source.error)}</p>}
    </>
  );
}

const Harness = ({ read }: { read: (d: DecodedText) => unknown }) => <Shown source={useTextFile(read)} />;
/** No `read`: the decoded text itself. */
const DecodedHarness = () => <Shown source={useTextFile()} />;

describe('useTextFile with TextFileInput', () => {
  it('reads a chosen UTF-8 file (BOM dropped), offers text files only, and forgets it when cleared', async () => {
    const { user, container } = renderWithProviders(<DecodedHarness />);
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input).toHaveAttribute('accept', '.csv,.txt,text/csv,text/plain');
    await user.upload(input, csv([new Uint8Array([0xef, 0xbb, 0xbf]), 'username\n小明']));
    await waitFor(() => expect(screen.getByRole('status', { name: 'content' })).toHaveTextContent('users.csv: {"text":"username\\n小明","encoding":"utf-8"}'));
    await user.click(screen.getByRole('button', { name: 'Remove the file' }));
    expect(screen.getByRole('status', { name: 'content' })).toHaveTextContent('none');
  });

  it('reads a file that is not UTF-8 as GB18030 (Excel on a Chinese Windows)', async () => {
    const { user, container } = renderWithProviders(<DecodedHarness />);
    // "小明" in GBK.
    await user.upload(container.querySelector<HTMLInputElement>('input[type="file"]')!, csv([new Uint8Array([0xd0, 0xa1, 0xc3, 0xf7])], 'gbk.csv'));
    await waitFor(() => expect(screen.getByRole('status', { name: 'content' })).toHaveTextContent('gbk.csv: {"text":"小明","encoding":"gb18030"}'));
  });

  it('says why a file was refused, keeps nothing of it, and clears the error with the next file', async () => {
    const read = ({ text }: DecodedText) => {
      if (!text.startsWith('username')) throw new Error('No username column');
      return text.split('\n').length - 1;
    };
    const { user, container } = renderWithProviders(<Harness read={read} />);
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    await user.upload(input, csv(['username\nann\nbob'], 'good.csv'));
    await waitFor(() => expect(screen.getByRole('status', { name: 'content' })).toHaveTextContent('good.csv: 2'));
    await user.upload(input, csv(['name\nann'], 'bad.csv'));
    expect(await screen.findByRole('alert')).toHaveTextContent('No username column');
    // The earlier file's names must not stay to be imported in its place.
    expect(screen.getByRole('status', { name: 'content' })).toHaveTextContent('none');
    await user.upload(input, csv(['username\ncarol'], 'fixed.csv'));
    await waitFor(() => expect(screen.getByRole('status', { name: 'content' })).toHaveTextContent('fixed.csv: 1'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('useTextFile', () => {
  it('keeps only the latest choice when an earlier read ends after it', async () => {
    const pending = new Map<string, (v: string) => void>();
    const read = vi.fn(({ text }: DecodedText) => new Promise<string>((resolve) => pending.set(text, resolve)));
    const { result } = renderHook(() => useTextFile(read));
    act(() => result.current.choose(csv(['slow'], 'slow.csv')));
    act(() => result.current.choose(csv(['fast'], 'fast.csv')));
    await waitFor(() => expect(pending.size).toBe(2));
    await act(async () => pending.get('fast')!('fast content'));
    await act(async () => pending.get('slow')!('slow content'));
    expect(result.current.file?.name).toBe('fast.csv');
    expect(result.current.read).toEqual({ name: 'fast.csv', value: 'fast content' });
  });

  it('drops a read still under way when the input is cleared', async () => {
    let finish!: (v: string) => void;
    const { result } = renderHook(() => useTextFile(() => new Promise<string>((resolve) => (finish = resolve))));
    act(() => result.current.choose(csv(['a'], 'a.csv')));
    await waitFor(() => expect(finish).toBeDefined());
    act(() => result.current.choose(null));
    await act(async () => finish('a'));
    expect(result.current).toMatchObject({ file: null, read: undefined, error: undefined });
  });
});
