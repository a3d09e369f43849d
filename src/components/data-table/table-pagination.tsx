import { Button, Group, NativeSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Common = {
  pageSize: number;
  /** Only sizes the endpoint accepts (friends 1..50, roster 1..1000…). */
  pageSizeOptions: number[];
  onPageSize: (size: number) => void;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  /** 1-based. */
  page: number;
};

/** `limit` + `cursor`: the API says whether more remain; earlier pages come from a cursor stack. */
export type CursorPaginationProps = Common & { mode: 'cursor' };

/** `pagenum` + `pagesize`: no total, so a short page is the last one. */
export type PagePaginationProps = Common & { mode: 'page'; rowCount: number };

export type TablePaginationProps = CursorPaginationProps | PagePaginationProps;

/** The one pagination control, in either of the API's two styles. */
export function TablePagination(props: TablePaginationProps) {
  const { t } = useTranslation();
  const position =
    props.mode === 'page' && props.rowCount > 0
      ? t('dataTable.pageRows', {
          page: props.page,
          from: (props.page - 1) * props.pageSize + 1,
          to: (props.page - 1) * props.pageSize + props.rowCount,
        })
      : t('dataTable.pageN', { page: props.page });
  return (
    <Group justify="space-between" wrap="wrap" gap="sm" component="nav" aria-label={t('dataTable.pagination')}>
      <Text size="sm" c="dimmed" aria-live="polite">
        {position}
      </Text>
      <Group gap="xs">
        <NativeSelect
          aria-label={t('dataTable.pageSize')}
          value={String(props.pageSize)}
          onChange={(e) => props.onPageSize(Number(e.currentTarget.value))}
          data={props.pageSizeOptions.map(String)}
          size="xs"
        />
        <Button variant="default" size="xs" disabled={!props.hasPrevious} onClick={props.onPrevious}>
          {t('dataTable.previous')}
        </Button>
        <Button variant="default" size="xs" disabled={!props.hasNext} onClick={props.onNext}>
          {t('dataTable.next')}
        </Button>
      </Group>
    </Group>
  );
}
