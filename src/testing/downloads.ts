import { vi } from 'vitest';

export type SavedFile = { name: string; blob: Blob; linkInDocument: boolean };

/**
 * The files the code under test saves, in order. jsdom cannot save one, so the browser's end of a
 * download (the object URL, the link's click) is replaced until the test ends (the spies are
 * restored after each test, src/testing/setup-tests.ts).
 */
export function captureDownloads(): SavedFile[] {
  const saved: SavedFile[] = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:download-${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs.get(this.getAttribute('href') ?? '')!, linkInDocument: this.isConnected });
  });
  return saved;
}
