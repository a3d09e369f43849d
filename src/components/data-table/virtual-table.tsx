import { elementScroll, type Rect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef } from 'react';
import { BodyRow, Caption, HeaderRow, HorizontalScroll, ROW_HEIGHT, Spacer, TableElement } from './table-parts';
import type { Resolved } from './table-types';

// Two of the virtualiser's defaults touch the region's layout while the table mounts (reading its
// size, scrolling it to the start), which forces the whole page's first layout inside React's
// commit: on a cold roster one task of render and layout (70–90 ms) instead of a render (≈ 45 ms)
// and the browser's own frame.

/** The region's size as its resize observer reports it, after layout; `initialRect` until then. */
function observeRectAfterLayout(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void) {
  const element = instance.scrollElement;
  if (!element) return;
  const observer = new ResizeObserver(() => cb({ width: element.clientWidth, height: element.clientHeight }));
  observer.observe(element);
  return () => observer.disconnect();
}

const regionsSeen = new WeakSet<Element>();
/** Scrolls as the default does, except to the start of a region just mounted: it is there already. */
function scrollUnlessAlreadyThere(offset: number, options: { adjustments?: number; behavior?: ScrollBehavior }, instance: Virtualizer<HTMLDivElement, Element>) {
  const element = instance.scrollElement;
  const fresh = element !== null && !regionsSeen.has(element);
  if (element) regionsSeen.add(element);
  if (fresh && offset + (options.adjustments ?? 0) === 0) return;
  elementScroll(offset, options, instance);
}

// Large pages (the roster answers up to 1,000 rows) render only the rows in view plus a margin;
// spacer rows keep the scroll height, and aria-rowcount/aria-rowindex tell screen readers the real size.
export default function VirtualTable<Row>(props: Resolved<Row> & { rows: Row[] }) {
  const { rows, getRowId, columns, selection } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // Keys once per rows array, not per render: callers pass a new getRowId each render, and a new
  // getItemKey makes the virtualiser measure every row again (1,000 on a big roster) whenever
  // anything else on the page changes (a group's details, its mutes, arriving after the roster).
  // A row's id depends on the row alone, so a new getRowId with the same rows gives the same keys.
  // oxlint-disable-next-line react-hooks/exhaustive-deps
  const keys = useMemo(() => rows.map(getRowId), [rows]);
  const getItemKey = useCallback((i: number) => keys[i]!, [keys]);
  // No React Compiler in this project, so its warning about the virtualiser's unmemoisable functions does not apply.
  // oxlint-disable-next-line react/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey,
    // Enough for a wheel flick to find rows drawn; every extra row is drawn on the first render too.
    overscan: 5,
    observeElementRect: observeRectAfterLayout,
    scrollToFn: scrollUnlessAlreadyThere,
    // Before the first measurement, assume the region's usual height (70vh) rather than nothing,
    // so the first render already has the rows the measurement would ask for.
    initialRect: { width: 800, height: props.maxHeight === undefined ? Math.round(window.innerHeight * 0.7) : 600 },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0));
  const span = columns.length + (selection ? 1 : 0);
  return (
    <HorizontalScroll
      ref={scrollRef}
      style={{ maxHeight: props.maxHeight ?? '70vh', overflowY: 'auto' }}
      // Focusable so keyboard users can scroll it; named like the table it holds.
      tabIndex={0}
      role="region"
      aria-label={props.name}
    >
      <TableElement aria-label={props.name} aria-rowcount={rows.length + 1} sticky>
        <Caption caption={props.caption} />
        <thead>
          <HeaderRow {...props} rowIndex={1} />
        </thead>
        <tbody>
          {top > 0 && <Spacer height={top} span={span} />}
          {items.map((v) => {
            const row = rows[v.index]!;
            return (
              <BodyRow
                key={v.key}
                id={String(v.key)}
                row={row}
                columns={columns}
                selection={selection}
                rowIndex={v.index + 2}
              />
            );
          })}
          {bottom > 0 && <Spacer height={bottom} span={span} />}
        </tbody>
      </TableElement>
    </HorizontalScroll>
  );
}
