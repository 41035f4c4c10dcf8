/**
 * Choose the procedure: a search box over the offline catalog with the results as a listbox
 * (↑/↓ move, Enter chooses, Alt+F stars the highlighted one). The search box is the combobox of
 * the ARIA pattern, so focus stays in it while the highlight moves.
 */
import { useId, useMemo, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../src-main/domain/index.js';
import { shortcutKeys, useShortcut } from '../../keyboard/index.js';
import { rankProcedures } from './procedure-match.js';
import { toggleFavourite, useProcedureMemory } from './procedure-memory.js';

const SHOWN = 12;

export function ProcedurePicker({
  procedures,
  selected,
  onSelect,
  ref,
}: {
  procedures: readonly Procedure[];
  selected?: Procedure;
  onSelect: (procedure: Procedure) => void;
  ref?: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  const memory = useProcedureMemory();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const ranked = useMemo(
    () => rankProcedures(procedures, query, memory).slice(0, SHOWN),
    [procedures, query, memory],
  );
  const highlighted = ranked[Math.min(active, ranked.length - 1)];
  useShortcut('favourite', () => highlighted && toggleFavourite(highlighted.MaTTHC));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.max(0, Math.min(ranked.length - 1, i + step)));
    } else if (event.key === 'Enter' && !event.ctrlKey && highlighted) {
      event.preventDefault();
      onSelect(highlighted);
    }
  };

  return (
    <div className="procedure-picker">
      <label htmlFor={`${listId}-q`}>{t('reception.procedure.search')}</label>
      <input
        id={`${listId}-q`}
        ref={ref}
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={highlighted ? `${listId}-${highlighted.MaTTHC}` : undefined}
        aria-keyshortcuts={shortcutKeys('focusSearch')}
        placeholder={t('reception.procedure.placeholder')}
        value={query}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {ranked.length === 0 ? (
        <p role="status">{t('reception.procedure.none', { query })}</p>
      ) : (
        <ul id={listId} role="listbox" aria-label={t('reception.procedure.results')}>
          {ranked.map((p) => {
            const favourite = memory.favourites.includes(p.MaTTHC);
            const recent = memory.recent.includes(p.MaTTHC);
            return (
              <li
                key={p.MaTTHC}
                id={`${listId}-${p.MaTTHC}`}
                role="option"
                aria-selected={p === highlighted}
                data-chosen={selected?.MaTTHC === p.MaTTHC || undefined}
                onClick={() => onSelect(p)}
              >
                <span className="procedure-name" lang="vi">
                  {p.TenTTHC}
                </span>
                <span className="procedure-meta">
                  {p.MaTTHC} · <span lang="vi">{p.TenLinhVuc}</span>
                  {favourite && ` · ★ ${t('reception.procedure.favourite')}`}
                  {!favourite && recent && ` · ${t('reception.procedure.recent')}`}
                </span>
                <button
                  type="button"
                  className="star"
                  tabIndex={-1}
                  aria-pressed={favourite}
                  aria-label={t('reception.procedure.star', { name: p.TenTTHC })}
                  onClick={(e) => {
                    e.stopPropagation();
                    toggleFavourite(p.MaTTHC);
                  }}
                >
                  {favourite ? '★' : '☆'}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
