/**
 * Page order as the clerk sees it: one sequence per component. Moving pages is list surgery on
 * that sequence; filing it back decides each page's document — a page that did not move stays in
 * its document, a page that moved (or came back from the trash) joins its new neighbour's.
 */
import type { PagePlacement } from '../../store/index.js';

/** `sequence` with `moving` taken out and put back, in their order, from `toIndex` on. */
export function moveTo(
  sequence: readonly number[],
  moving: readonly number[],
  toIndex: number,
): number[] {
  const moved = new Set(moving);
  const rest = sequence.filter((id) => !moved.has(id));
  const at = Math.min(toIndex, rest.length);
  return [...rest.slice(0, at), ...moving, ...rest.slice(at)];
}

/**
 * Placements for `order`: pages in `documentOf` keep their document unless they are in `moved`;
 * a moved page takes the document of the page before it, else the one after it, else `fallback`.
 */
export function placements(
  order: readonly number[],
  documentOf: ReadonlyMap<number, number>,
  moved: ReadonlySet<number>,
  fallback: number,
): PagePlacement[] {
  const settled = (i: number): number | undefined => {
    const id = order[i];
    return id === undefined || moved.has(id) ? undefined : documentOf.get(id);
  };
  const out: PagePlacement[] = [];
  for (const [i, pageId] of order.entries()) {
    if (!moved.has(pageId)) {
      out.push({ pageId, documentId: documentOf.get(pageId) ?? fallback });
      continue;
    }
    const before = out.at(-1)?.documentId;
    let after: number | undefined;
    for (let j = i + 1; j < order.length && after === undefined; j += 1) after = settled(j);
    out.push({ pageId, documentId: before ?? after ?? fallback });
  }
  return out;
}
