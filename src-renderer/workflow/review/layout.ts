/**
 * The grid's shape: each component is a header row followed by rows of `columns` pages; and the
 * index a moved group of pages should get when dropped on (or stepped past) another page.
 */
import type { ReviewComponent, ReviewPage } from './types.js';

export type GridRow =
  | { kind: 'header'; component: ReviewComponent }
  | { kind: 'pages'; component: ReviewComponent; pages: ReviewPage[] }
  | { kind: 'empty'; component: ReviewComponent };

export function gridRows(components: readonly ReviewComponent[], columns: number): GridRow[] {
  const rows: GridRow[] = [];
  for (const component of components) {
    rows.push({ kind: 'header', component });
    if (component.pages.length === 0) rows.push({ kind: 'empty', component });
    for (let i = 0; i < component.pages.length; i += columns)
      rows.push({ kind: 'pages', component, pages: component.pages.slice(i, i + columns) });
  }
  return rows;
}

/** The row that shows `pageId`. */
export function rowOfPage(rows: readonly GridRow[], pageId: number): number {
  return rows.findIndex((r) => r.kind === 'pages' && r.pages.some((p) => p.id === pageId));
}

/**
 * `toIndex` for pages.reorder when `moving` (ids in `sequence`) is dropped on `targetId`: the
 * pages take the target's place — after it when they came from before it, else before it.
 */
export function dropIndex(
  sequence: readonly number[],
  moving: readonly number[],
  targetId: number,
): number {
  const rest = sequence.filter((id) => !moving.includes(id));
  const at = rest.indexOf(targetId);
  const firstMoving = Math.min(...moving.map((id) => sequence.indexOf(id)));
  return firstMoving < sequence.indexOf(targetId) ? at + 1 : at;
}
