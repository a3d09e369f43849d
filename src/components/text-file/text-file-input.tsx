import { FileInput, type FileInputProps } from '@mantine/core';
import type { TextFileSource } from './use-text-file';

/** CSV as Excel and other spreadsheets save it, or plain text with one entry per line. */
export const TEXT_FILE_ACCEPT = '.csv,.txt,text/csv,text/plain';

type TextFileInputProps = Omit<FileInputProps, 'value' | 'onChange' | 'accept' | 'multiple' | 'clearable' | 'clearButtonProps'> & {
  source: TextFileSource<unknown>;
  /** The clear button's accessible name ("Remove the file"). */
  clearLabel: string;
};

/** The file input for a `useTextFile` source: one text file, clearable. */
export function TextFileInput({ source, clearLabel, ...props }: TextFileInputProps) {
  return (
    <FileInput
      {...props}
      accept={TEXT_FILE_ACCEPT}
      value={source.file}
      onChange={source.choose}
      clearable
      clearButtonProps={{ 'aria-label': clearLabel }}
    />
  );
}
