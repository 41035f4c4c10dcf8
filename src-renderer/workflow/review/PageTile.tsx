/** One page in the grid: its thumbnail, number and flags; draggable, and a drop target. */
import type { DragEvent } from 'react';
import type { ReviewPage } from './types.js';
import { pageMark } from '../scan/index.js';
import { useReviewTexts } from './i18n.js';
import { usePageImage } from './page-images.js';

export const DRAG_TYPE = 'application/x-sohoa-pages';

export function PageTile(props: {
  MaHoSo: string;
  page: ReviewPage;
  componentName: string;
  selected: boolean;
  focused: boolean;
  onPick: (event: { ctrl: boolean; shift: boolean }) => void;
  onDragStart: (event: DragEvent) => void;
  onDrop: (event: DragEvent) => void;
}) {
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
      onClick={(e) => props.onPick({ ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey })}
      onDragStart={props.onDragStart}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
      }}
      onDrop={props.onDrop}
    >
      <div className="review-thumb">
        {url && (
          <img
            src={url}
            alt=""
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
}
