/** Buttons for what the keys do, each naming its shortcut; "move to" offers the other components. */
import { useState } from 'react';
import { useReviewTexts } from './i18n.js';
import type { ReviewComponent, ReviewPage } from './types.js';

export function ReviewToolbar(props: {
  components: readonly ReviewComponent[];
  chosen: readonly ReviewPage[];
  canUndo: boolean;
  onRotate: (degrees: 90 | 270) => void;
  onDelete: () => void;
  onUndo: () => void;
  onStep: (direction: -1 | 1) => void;
  onMove: (MaThanhPhanHoSo: string) => void;
  onRescan: () => void;
}) {
  const t = useReviewTexts();
  const none = props.chosen.length === 0;
  const from = new Set(props.chosen.map((p) => p.MaThanhPhanHoSo));
  const others = props.components.filter((c) => !(from.size === 1 && from.has(c.MaThanhPhanHoSo)));
  const [target, setTarget] = useState('');
  const moveTarget = others.some((c) => c.MaThanhPhanHoSo === target)
    ? target
    : (others[0]?.MaThanhPhanHoSo ?? '');

  return (
    <div role="toolbar" aria-label={t('toolbar')} className="review-toolbar">
      <span className="muted" aria-live="polite">
        {t('selectedCount', { count: props.chosen.length })}
      </span>
      <button
        type="button"
        disabled={none}
        onClick={() => props.onRotate(270)}
        aria-keyshortcuts="Shift+R"
      >
        ⟲ {t('rotateLeft')} <kbd aria-hidden="true">Shift+R</kbd>
      </button>
      <button
        type="button"
        disabled={none}
        onClick={() => props.onRotate(90)}
        aria-keyshortcuts="R"
      >
        ⟳ {t('rotateRight')} <kbd aria-hidden="true">R</kbd>
      </button>
      <button
        type="button"
        disabled={none}
        onClick={() => props.onStep(-1)}
        aria-keyshortcuts="Alt+ArrowLeft"
      >
        {t('moveEarlier')} <kbd aria-hidden="true">Alt+←</kbd>
      </button>
      <button
        type="button"
        disabled={none}
        onClick={() => props.onStep(1)}
        aria-keyshortcuts="Alt+ArrowRight"
      >
        {t('moveLater')} <kbd aria-hidden="true">Alt+→</kbd>
      </button>
      <button type="button" disabled={none} onClick={props.onDelete} aria-keyshortcuts="Delete">
        {t('delete')} <kbd aria-hidden="true">Delete</kbd>
      </button>
      <button
        type="button"
        disabled={!props.canUndo}
        onClick={props.onUndo}
        aria-keyshortcuts="Control+Z"
      >
        {t('undo')} <kbd aria-hidden="true">Ctrl+Z</kbd>
      </button>
      <button type="button" disabled={props.chosen.length !== 1} onClick={props.onRescan}>
        {t('rescan')}
      </button>
      <span className="review-move">
        <label>
          <span className="visually-hidden">{t('moveTo')}</span>
          <select
            aria-label={t('moveTo')}
            value={moveTarget}
            disabled={none || others.length === 0}
            onChange={(e) => setTarget(e.target.value)}
          >
            {others.map((c) => (
              <option key={c.MaThanhPhanHoSo} value={c.MaThanhPhanHoSo}>
                {c.TenThanhPhanHoSo}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={none || !moveTarget}
          onClick={() => props.onMove(moveTarget)}
        >
          {t('move')}
        </button>
      </span>
    </div>
  );
}
