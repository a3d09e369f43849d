import { Pagination } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';

export type NumberedPagesProps = {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
  disabled?: boolean;
};

/** Above this many pages some numbers hide behind "…": first/last buttons then save a step. */
const EDGES_AFTER = 7;

/**
 * 1 … 4 5 6 … 30 with Previous/Next (and First/Last when numbers hide), each button named for
 * screen readers, the current page marked `aria-current`. Loaded when a table first has a total,
 * so the first screen (cursor pages only) does not carry it.
 */
export default function NumberedPages({ page, pageCount, onPage, disabled }: NumberedPagesProps) {
  const { t } = useTranslation();
  const labels = { first: t('dataTable.firstPage'), previous: t('dataTable.previousPage'), next: t('dataTable.nextPage'), last: t('dataTable.lastPage') };
  return (
    <Pagination
      size="sm"
      gap={4}
      // A page past the end (a hand-edited URL, members removed meanwhile) still shows where it is.
      total={Math.max(pageCount, page)}
      value={page}
      // The current page is not a navigation.
      onChange={(n) => n !== page && onPage(n)}
      disabled={disabled}
      withEdges={pageCount > EDGES_AFTER}
      getItemProps={(n) => ({ 'aria-label': t('dataTable.pageN', { page: n }) })}
      getControlProps={(control) => ({ 'aria-label': labels[control] })}
    />
  );
}
