/**
 * The dossier's pages as a virtualised grid (only the rows on screen exist in the page, so
 * hundreds of pages scroll smoothly): a listbox whose active page follows the keyboard, with a
 * header per component that also takes dropped pages.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
} from 'react';
import { useReviewTexts } from './i18n.js';
import { gridRows, rowOfPage } from './layout.js';
import { DRAG_TYPE, PageTile, type TileHandlers } from './PageTile.js';
import type { ReviewComponent, ReviewPage } from './types.js';

const TILE_WIDTH = 176;
const TILE_ROW_HEIGHT = 260;
const HEADER_HEIGHT = 48;

/** The page ids a drop carries (and the drop accepted), if it is pages from this grid. */
function draggedPages(event: DragEvent): number[] | undefined {
  const raw = event.dataTransfer.getData(DRAG_TYPE);
  if (!raw) return undefined;
  event.preventDefault();
  return JSON.parse(raw) as number[];
}

export interface DropTarget {
  MaThanhPhanHoSo: string;
  /** The page dropped on; absent when dropped on the component's header (goes to its end). */
  pageId?: number;
}

export function PageGrid(props: {
  MaHoSo: string;
  components: readonly ReviewComponent[];
  focused: number | undefined;
  selected: ReadonlySet<number>;
  onPick: (page: ReviewPage, how: { ctrl: boolean; shift: boolean }) => void;
  onKeyDown: (event: KeyboardEvent, columns: number) => void;
  onDragPages: (page: ReviewPage) => number[];
  onDrop: (pageIds: number[], target: DropTarget) => void;
}) {
  const t = useReviewTexts();
  const scroller = useRef<HTMLDivElement>(null);
  const [columns, setColumns] = useState(4);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () =>
      setColumns(Math.max(1, Math.floor((element.clientWidth - 16) / TILE_WIDTH)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const rows = gridRows(props.components, columns);
  // TanStack Virtual keeps its own mutable state; React's compiler simply skips this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.kind === 'pages' ? TILE_ROW_HEIGHT : HEADER_HEIGHT),
    overscan: 2,
  });

  // Keep the active page on screen as the keyboard moves it.
  const { focused } = props;
  const focusedRow = focused === undefined ? -1 : rowOfPage(rows, focused);
  useEffect(() => {
    if (focusedRow >= 0) virtualizer.scrollToIndex(focusedRow, { align: 'auto' });
  }, [focusedRow, virtualizer]);

  const names = new Map(props.components.map((c) => [c.MaThanhPhanHoSo, c.TenThanhPhanHoSo]));
  // One set of tile handlers for the grid's life, reading the latest props, so memoised tiles
  // are not re-rendered just because the parent made new functions.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const handlers = useMemo<TileHandlers>(
    () => ({
      onPick: (page, how) => latest.current.onPick(page, how),
      onDragStart: (page, event) => {
        event.dataTransfer.setData(DRAG_TYPE, JSON.stringify(latest.current.onDragPages(page)));
        event.dataTransfer.effectAllowed = 'move';
      },
      onDrop: (page, event) => {
        const ids = draggedPages(event);
        if (ids)
          latest.current.onDrop(ids, { MaThanhPhanHoSo: page.MaThanhPhanHoSo, pageId: page.id });
      },
    }),
    [],
  );

  return (
    <div ref={scroller} className="review-grid-scroll">
      <div
        role="listbox"
        aria-label={t('grid')}
        aria-multiselectable="true"
        aria-activedescendant={focused === undefined ? undefined : `review-page-${focused}`}
        tabIndex={0}
        className="review-grid"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={(e) => props.onKeyDown(e, columns)}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const placed = { transform: `translateY(${item.start}px)`, height: item.size };
          if (row.kind === 'header') {
            const c = row.component;
            return (
              <div
                key={item.key}
                role="presentation"
                className="review-row review-component"
                style={placed}
                data-component={c.MaThanhPhanHoSo}
                onDragOver={(e) => {
                  if (e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
                }}
                onDrop={(e) => {
                  const ids = draggedPages(e);
                  if (ids) props.onDrop(ids, { MaThanhPhanHoSo: c.MaThanhPhanHoSo });
                }}
              >
                <strong>{c.TenThanhPhanHoSo}</strong>
                {c.BatBuoc && <span className="required-mark"> ({t('required')})</span>}
                <span className="muted"> · {t('componentPages', { count: c.pages.length })}</span>
              </div>
            );
          }
          if (row.kind === 'empty') {
            return (
              <div key={item.key} role="presentation" className="review-row muted" style={placed}>
                {t('emptyComponent')}
              </div>
            );
          }
          return (
            <div
              key={item.key}
              role="presentation"
              className="review-row review-pages"
              style={placed}
            >
              {row.pages.map((page) => (
                <PageTile
                  key={page.id}
                  MaHoSo={props.MaHoSo}
                  page={page}
                  componentName={names.get(page.MaThanhPhanHoSo) ?? page.MaThanhPhanHoSo}
                  selected={props.selected.has(page.id)}
                  focused={page.id === focused}
                  handlers={handlers}
                />
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
