/** One page in the grid: its thumbnail, number and flags; draggable, and a drop target. */
import { memo, type DragEvent } from 'react';
import type { ReviewPage } from './types.js';
import { pageMark } from '../scan/index.js';
import { useReviewTexts } from './i18n.js';
import { usePageImage } from './page-images.js';

export const DRAG_TYPE = 'application/x-sohoa-pages';

export interface TileHandlers {
  onPick: (page: ReviewPage, how: { ctrl: boolean; shift: boolean }) => void;
  onDragStart: (page: ReviewPage, event: DragEvent) => void;
  onDrop: (page: ReviewPage, event: DragEvent) => void;
}

interface TileProps {
  MaHoSo: string;
  page: ReviewPage;
  componentName: string;
  selected: boolean;
  focused: boolean;
  handlers: TileHandlers;
}

/** Memoised: scrolling or a listing refresh re-renders only the tiles whose page changed. */
export const PageTile = memo(function PageTile(props: TileProps) {
  const t = useReviewTexts();
  const { page } = props;
  const url = usePageImage(props.MaHoSo, page.id, page.version, 'thumbnail');
  const flags = [
    page.blank && t('blank'),
    page.lowConfidence && t('lowConfidence'),
    page.needsReview && !page.lowConfidence && t('needsReview'),
  ].filter((f): f is string => typeof f === 'string');
  const label = [t('page', { n: page.index + 1, component: props.componentName }), ...flags].join(
    ', ',
  );
  const classes = ['review-tile'];
  if (props.selected) classes.push('is-selected');
  if (props.focused) classes.push('is-focused');
  if (page.blank) classes.push('is-blank');
  if (page.lowConfidence) classes.push('is-low');

  return (
    <div
      role="option"
      id={`review-page-${page.id}`}
      data-page-id={page.id}
      aria-selected={props.selected}
      aria-label={label}
      className={classes.join(' ')}
      draggable
      onClick={(e) =>
        props.handlers.onPick(page, { ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey })
      }
      onDragStart={(e) => props.handlers.onDragStart(page, e)}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
      }}
      onDrop={(e) => props.handlers.onDrop(page, e)}
    >
      <div className="review-thumb">
        {url && (
          <img
            src={url}
            alt=""
            decoding="async"
            draggable={false}
            onLoad={() => performance.mark(pageMark('shown', page.id))}
          />
        )}
      </div>
      <div className="review-tile-caption">
        <span className="review-tile-number">{page.index + 1}</span>
        {flags.map((flag) => (
          <span key={flag} className="review-flag">
            {flag}
          </span>
        ))}
      </div>
    </div>
  );
}, sameTile);

/** A refreshed listing brings new objects for unchanged pages; compare what a tile shows. */
function sameTile(a: TileProps, b: TileProps): boolean {
  const p = a.page;
  const q = b.page;
  return (
    a.selected === b.selected &&
    a.focused === b.focused &&
    a.componentName === b.componentName &&
    a.handlers === b.handlers &&
    a.MaHoSo === b.MaHoSo &&
    p.id === q.id &&
    p.version === q.version &&
    p.index === q.index &&
    p.MaThanhPhanHoSo === q.MaThanhPhanHoSo &&
    p.blank === q.blank &&
    p.lowConfidence === q.lowConfidence &&
    p.needsReview === q.needsReview
  );
}
