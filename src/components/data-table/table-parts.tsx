import { memo, type ChangeEvent, type ComponentPropsWithRef, type ReactNode } from 'react';
import classes from './data-table.module.css';
import { useTranslation } from '@/lib/i18n/react';
import type { Resolved } from './table-types';

// The rows and headers shared by the plain table and the virtualised one.

export const ROW_HEIGHT = 41;
/** Narrower than this, a table scrolls sideways rather than squeezing its columns. */
const MIN_WIDTH = 480;

/**
 * A native sideways scroller. Mantine's Table.ScrollContainer would do, but it imports ScrollArea
 * even when told to scroll natively, and the first screen would carry it.
 */
export function HorizontalScroll({ children, style, ...props }: ComponentPropsWithRef<'div'>) {
  return (
    <div {...props} style={{ overflowX: 'auto', ...style }}>
      <div style={{ minWidth: MIN_WIDTH }}>{children}</div>
    </div>
  );
}

/** The table element with the console's look; `sticky` keeps the header row in view while scrolling. */
/**
 * A native checkbox: the browser's own keyboard, screen-reader and indeterminate behaviour, in
 * the theme's colour; Mantine's Checkbox would add its code to every table's first load.
 */
function SelectBox({
  label,
  checked,
  indeterminate = false,
  disabled,
  onChange,
}: {
  label: string;
  checked: boolean;
  indeterminate?: boolean;
  disabled?: boolean;
  onChange: (e: ChangeEvent<HTMLInputElement>) => void;
}) {
  return (
    <input
      type="checkbox"
      className={classes.check}
      aria-label={label}
      checked={checked}
      disabled={disabled}
      // `indeterminate` exists only as a DOM property.
      ref={(el) => {
        if (el) el.indeterminate = indeterminate;
      }}
      onChange={onChange}
    />
  );
}

export function TableElement({ sticky, ...props }: ComponentPropsWithRef<'table'> & { sticky?: boolean }) {
  return <table {...props} className={classes.table} data-sticky={sticky || undefined} />;
}

export function Caption({ caption }: { caption?: ReactNode }) {
  return caption ? <caption>{caption}</caption> : null;
}

export function HeaderRow<Row>({ columns, selection, rows, getRowId, rowIndex }: Resolved<Row> & { rows: Row[]; rowIndex?: number }) {
  const { t } = useTranslation();
  // Only the rows that may be chosen count (the group's owner, say, may not).
  const choosable = selection ? rows.map(getRowId).filter((id) => selection.canSelect?.(id) ?? true) : [];
  const chosen = selection ? choosable.filter((id) => selection.selected.has(id)).length : 0;
  const all = chosen > 0 && chosen === choosable.length;
  return (
    <tr aria-rowindex={rowIndex}>
      {selection && (
        <th style={{ width: 40 }}>
          <SelectBox
            label={t('dataTable.selectAll')}
            checked={all}
            indeterminate={chosen > 0 && !all}
            disabled={choosable.length === 0}
            onChange={() => {
              // Indeterminate or empty → select the whole page; all selected → clear the page only.
              const next = new Set(selection.selected);
              for (const id of choosable) {
                if (all) next.delete(id);
                else next.add(id);
              }
              selection.onChange(next);
            }}
          />
        </th>
      )}
      {columns.map((c) => (
        <th key={c.id} style={{ width: c.width }} scope="col">
          {c.header}
        </th>
      ))}
    </tr>
  );
}

export type BodyRowProps<Row> = Pick<Resolved<Row>, 'columns' | 'selection'> & {
  row: Row;
  id: string;
  rowIndex?: number;
};

function BodyRowImpl<Row>({ row, id, columns, selection, rowIndex }: BodyRowProps<Row>) {
  const { t } = useTranslation();
  const selected = selection?.selected.has(id) ?? false;
  return (
    <tr aria-rowindex={rowIndex} aria-selected={selection ? selected : undefined} style={{ height: ROW_HEIGHT }}>
      {selection && (
        <td>
          <SelectBox
            label={t('dataTable.selectRow', { id })}
            checked={selected}
            disabled={!(selection.canSelect?.(id) ?? true)}
            onChange={(e) => {
              const next = new Set(selection.selected);
              if (e.currentTarget.checked) next.add(id);
              else next.delete(id);
              selection.onChange(next);
            }}
          />
        </td>
      )}
      {columns.map((c) => (
        <td key={c.id}>{c.cell(row)}</td>
      ))}
    </tr>
  );
}

/**
 * Memoised: a virtualised table re-renders on every scroll step, and its rows (same row, same
 * columns) need not. `memo` loses the generic parameter, hence the cast.
 */
export const BodyRow = memo(BodyRowImpl) as typeof BodyRowImpl;

export function Spacer({ height, span }: { height: number; span: number }) {
  return (
    <tr aria-hidden>
      <td colSpan={span} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
