import { Button, Group, NativeSelect, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { lazyPart } from './lazy-part';

// Mantine's Pagination, only for tables that know their total (not the first screen's).
const numberedPages = lazyPart(() => import('./numbered-pages'));
/** For a route whose table knows its total (a roster): the page buttons' code comes with the data. */
export const preloadNumberedPages = numberedPages.preload;

type Common = {
  /** 1-based. */
  page: number;
  pageSize: number;
  /** Only sizes the endpoint accepts (friends 1..50, users 1..100, roster 1..1000…). */
  pageSizeOptions: readonly number[];
  onPageSize: (size: number) => void;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  /** E.g. while placeholder data shows: a second click on Next would reuse a stale cursor. */
  disabled?: boolean;
};

/** `limit` + `cursor`: the API says whether more remain; earlier pages come from a cursor stack. */
export type CursorPaginationProps = Common & { mode: 'cursor' };

/** `pagenum` + `pagesize`: without a total a short page is the last one; with one, pages are numbered. */
export type PagePaginationProps = Common & {
  mode: 'page';
  /** Rows on the current page, for "rows 41–60". */
  rowCount: number;
  /** When the total is known elsewhere (a group's member count): numbered page buttons. */
  pageCount?: number;
  onPage?: (page: number) => void;
};

export type TablePaginationProps = CursorPaginationProps | PagePaginationProps;

/** The one pagination control, for either of the API's two styles. Purely controlled. */
export function TablePagination(props: TablePaginationProps) {
  const { t } = useTranslation();
  const sizeId = useId();
  // A valid size typed into the URL (say 37) still shows as the current value.
  const sizes = [...new Set([...props.pageSizeOptions, props.pageSize])].sort((a, b) => a - b);
  const range =
    props.mode === 'page' && props.rowCount > 0
      ? { from: (props.page - 1) * props.pageSize + 1, to: (props.page - 1) * props.pageSize + props.rowCount }
      : undefined;
  const pages = props.mode === 'page' ? props.pageCount : undefined;
  const position = range
    ? pages !== undefined
      ? t('dataTable.rowsRangeOf', { page: props.page, pages, ...range })
      : t('dataTable.rowsRange', { page: props.page, ...range })
    : t('dataTable.pageN', { page: props.page });
  const numbered = props.mode === 'page' && props.pageCount !== undefined && props.onPage ? { pageCount: props.pageCount, onPage: props.onPage } : undefined;
  const { Part: NumberedPages } = numberedPages.usePart(numbered !== undefined);
  const previousNext = (
    <>
      <Button variant="default" size="xs" aria-label={t('dataTable.previousPage')} disabled={props.disabled || !props.hasPrevious} onClick={props.onPrevious}>
        {t('dataTable.previous')}
      </Button>
      <Button variant="default" size="xs" aria-label={t('dataTable.nextPage')} disabled={props.disabled || !props.hasNext} onClick={props.onNext}>
        {t('dataTable.next')}
      </Button>
    </>
  );
  return (
    <Group component="nav" aria-label={t('dataTable.pagination')} justify="space-between" wrap="wrap" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {position}
      </Text>
      <Group gap="xs">
        <Text component="label" htmlFor={sizeId} size="sm">
          {t('dataTable.pageSize')}
        </Text>
        {/* A native select: a handful of sizes, the platform's own keyboard and mobile pickers. */}
        <NativeSelect
          id={sizeId}
          size="xs"
          data={sizes.map(String)}
          value={String(props.pageSize)}
          disabled={props.disabled}
          onChange={(e) => props.onPageSize(Number(e.currentTarget.value))}
        />
        {/* Until its code is here (or if it cannot load), the same page's Previous/Next: a click still works. */}
        {numbered && NumberedPages ? (
          <NumberedPages page={props.page} pageCount={numbered.pageCount} onPage={numbered.onPage} disabled={props.disabled} />
        ) : (
          previousNext
        )}
      </Group>
    </Group>
  );
}
