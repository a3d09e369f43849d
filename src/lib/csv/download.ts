/** Saves text as a file through the browser's download (Blob + object URL + a temporary link). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the URL after click() returns; let go of it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type DecodedText = { text: string; encoding: 'utf-8' | 'gb18030' };

/**
 * A text file's content. UTF-8 (with or without BOM) first; a file that is not valid UTF-8 is
 * read as GB18030, what Excel on a Chinese Windows saves "CSV" in, so its names are not garbled.
 */
export async function readTextFile(file: Blob): Promise<DecodedText> {
  const bytes = await file.arrayBuffer();
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
