import { useCallback, useEffect, useRef, useState } from 'react';
import { readTextFile, type DecodedText } from '@/lib/csv/download';

export type ReadTextFile<T> = {
  name: string;
  /** What `read` made of the file's text. */
  value: T;
};

export type TextFileSource<T> = {
  /** The chosen file, as the file input shows it; null when none. */
  file: File | null;
  /** Its content once read; undefined with no file, while reading, and after a failure. */
  read: ReadTextFile<T> | undefined;
  /** Why the chosen file could not be read (undefined: nothing went wrong). */
  error: unknown;
  /** A file chosen or dropped, or null when the input was cleared. */
  choose: (file: File | null) => void;
};

/**
 * A text file the user chooses (a CSV to import), decoded as `readTextFile` does (UTF-8, else
 * GB18030) and then turned by `read`, if given, into what the caller needs; `read` may throw to
 * refuse the file with a reason. Only the latest choice counts: a slow earlier read never
 * overwrites it.
 */
export function useTextFile(): TextFileSource<DecodedText>;
export function useTextFile<T>(read: (decoded: DecodedText) => T | Promise<T>): TextFileSource<T>;
export function useTextFile<T>(read?: (decoded: DecodedText) => T | Promise<T>): TextFileSource<T | DecodedText> {
  const [file, setFile] = useState<File | null>(null);
  const [content, setContent] = useState<ReadTextFile<T | DecodedText> | undefined>();
  const [error, setError] = useState<unknown>();
  const latest = useRef(0);
  // The caller's latest `read`, used when a file is chosen, so it need not be memoised.
  const readRef = useRef(read);
  useEffect(() => {
    readRef.current = read;
  });

  const choose = useCallback((f: File | null) => {
    const id = ++latest.current;
    setFile(f);
    setError(undefined);
    // Nothing of an earlier file stays while this one is read: it would be imported instead.
    setContent(undefined);
    if (!f) return;
    void (async () => {
      try {
        const decoded = await readTextFile(f);
        const value = readRef.current ? await readRef.current(decoded) : decoded;
        if (id === latest.current) setContent({ name: f.name, value });
      } catch (e) {
        if (id === latest.current) setError(e);
      }
    })();
  }, []);

  return { file, read: content, error, choose };
}
