/**
 * The review step: every page of the dossier in a virtualised grid, per component, with blank and
 * poorly read pages highlighted; rotate, delete (with undo), reorder by drag or Alt+arrows, move
 * to another component, rescan one page; the chosen page enlarged with its OCR text beside it.
 * Everything is done by the core and comes back through `pages.changed`, so what is shown is
 * what is stored.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, type ApiError } from '../../api/index.js';
import { useWindowKeydown } from '../../keyboard/index.js';
import { ExtractedFields, FieldHighlight, type ExtractedField } from '../fields/index.js';
import { useReviewTexts } from './i18n.js';
import { dropIndex } from './layout.js';
import { PageGrid, type DropTarget } from './PageGrid.js';
import { nextZoom, PagePreview } from './PagePreview.js';
import { ReviewNotice, type Notice } from './ReviewNotice.js';
import { ReviewToolbar } from './ReviewToolbar.js';
import { lastScannerChoice } from '../scan/index.js';
import type { ReviewPage } from './types.js';
import { usePageListing } from './use-page-listing.js';
import './review.css';

export interface ReviewStepProps {
  MaHoSo: string;
}

export function ReviewStep({ MaHoSo }: ReviewStepProps) {
  const t = useReviewTexts();
  const api = useApi();
  const { i18n } = useTranslation();
  const listing = usePageListing(MaHoSo);
  const [focusedId, setFocused] = useState<number>();
  const [selection, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [zoom, setZoom] = useState(1);
  const [notice, setNotice] = useState<Notice>();
  const [shownField, setShownField] = useState<ExtractedField>();
  const rescanSession = useRef<string | undefined>(undefined);
  // Ctrl+Z right after Delete undoes that deletion even before the listing is read again (on a
  // slow PC that takes a while): the step keeps its own, waiting for the core's answer if needed.
  const ownDeletion = useRef<Promise<string | undefined>>(undefined);
  const undone = useRef(new Set<string>());

  const components = useMemo(
    () => (listing.state === 'ok' ? listing.data.components : []),
    [listing],
  );
  const pages = useMemo(() => components.flatMap((c) => c.pages), [components]);
  const undoable = listing.state === 'ok' ? listing.data.undo : undefined;
  const nameOf = (code: string) =>
    components.find((c) => c.MaThanhPhanHoSo === code)?.TenThanhPhanHoSo ?? code;

  // The active page and the selection stay valid as pages come and go.
  const focused = pages.some((p) => p.id === focusedId) ? focusedId : pages[0]?.id;
  const selected = useMemo(
    () => new Set([...selection].filter((id) => pages.some((p) => p.id === id))),
    [selection, pages],
  );

  const targets = useCallback((): ReviewPage[] => {
    const chosen = pages.filter((p) => selected.has(p.id));
    return chosen.length > 0 ? chosen : pages.filter((p) => p.id === focused);
  }, [pages, selected, focused]);

  const run = useCallback(
    async (work: () => Promise<void>) => {
      try {
        await work();
      } catch (error) {
        setNotice({ kind: 'error', reason: (error as ApiError).localized(i18n.language) });
      }
    },
    [i18n],
  );

  const rotate = (degrees: 90 | 270) =>
    run(async () => {
      const pageIds = targets().map((p) => p.id);
      if (pageIds.length > 0) await api.call('pages.rotate', { MaHoSo, pageIds, degrees });
    });

  const remove = () =>
    run(async () => {
      const gone = targets();
      if (gone.length === 0) return;
      const last = pages.findIndex((p) => p.id === gone.at(-1)?.id);
      const after = pages.slice(last + 1).find((p) => !gone.includes(p));
      const before = pages
        .slice(0, last)
        .reverse()
        .find((p) => !gone.includes(p));
      // away from the pages first, so nothing asks for them once they are gone
      setSelected(new Set());
      setFocused((after ?? before)?.id);
      const deleting = api.call('pages.delete', { MaHoSo, pageIds: gone.map((p) => p.id) });
      ownDeletion.current = deleting.then(
        (done) => done.actionId,
        () => undefined,
      );
      const { actionId } = await deleting;
      setNotice({ kind: 'deleted', count: gone.length, actionId });
    });

  const undo = useCallback(
    (actionId?: string) =>
      run(async () => {
        const own = ownDeletion.current;
        ownDeletion.current = undefined;
        const wanted = actionId ?? (await own) ?? undoable?.actionId;
        // a second Ctrl+Z before the listing caught up must not restore the same pages twice
        if (!wanted || undone.current.has(wanted)) return;
        undone.current.add(wanted);
        const restored = await api
          .call('pages.undoDelete', { MaHoSo, actionId: wanted })
          .catch((error: unknown) => {
            undone.current.delete(wanted);
            throw error;
          });
        setNotice({ kind: 'restored', count: restored.pageIds.length });
        setFocused(restored.pageIds[0]);
      }),
    [api, run, MaHoSo, undoable],
  );

  /** Moves the chosen pages one place earlier or later within their component. */
  const step = (direction: -1 | 1) =>
    run(async () => {
      const moving = targets();
      const component = components.find((c) => c.MaThanhPhanHoSo === moving[0]?.MaThanhPhanHoSo);
      if (!component || moving.some((p) => p.MaThanhPhanHoSo !== component.MaThanhPhanHoSo)) return;
      const sequence = component.pages.map((p) => p.id);
      const ids = moving.map((p) => p.id);
      const edge = direction < 0 ? moving[0] : moving.at(-1);
      const neighbour = sequence[(edge?.index ?? 0) + direction];
      if (neighbour === undefined) return;
      await api.call('pages.reorder', {
        MaHoSo,
        MaThanhPhanHoSo: component.MaThanhPhanHoSo,
        pageIds: ids,
        toIndex: dropIndex(sequence, ids, neighbour),
      });
    });

  const drop = (pageIds: number[], target: DropTarget) =>
    run(async () => {
      const component = components.find((c) => c.MaThanhPhanHoSo === target.MaThanhPhanHoSo);
      if (!component) return;
      const sequence = component.pages.map((p) => p.id);
      const inOrder = pages.filter((p) => pageIds.includes(p.id)).map((p) => p.id);
      if (inOrder.length === 0 || (target.pageId !== undefined && inOrder.includes(target.pageId)))
        return;
      if (inOrder.every((id) => sequence.includes(id))) {
        await api.call('pages.reorder', {
          MaHoSo,
          MaThanhPhanHoSo: component.MaThanhPhanHoSo,
          pageIds: inOrder,
          toIndex:
            target.pageId === undefined
              ? sequence.length
              : dropIndex(sequence, inOrder, target.pageId),
        });
      } else {
        await api.call('pages.move', {
          MaHoSo,
          pageIds: inOrder,
          toComponent: component.MaThanhPhanHoSo,
          ...(target.pageId !== undefined ? { toIndex: sequence.indexOf(target.pageId) } : {}),
        });
      }
    });

  const moveTo = (MaThanhPhanHoSo: string) =>
    run(async () => {
      const pageIds = targets().map((p) => p.id);
      if (pageIds.length > 0)
        await api.call('pages.move', { MaHoSo, pageIds, toComponent: MaThanhPhanHoSo });
    });

  const rescan = () =>
    run(async () => {
      if (focused === undefined) return;
      // from now on Ctrl+Z is for the replacement (it comes with the listing), not a deletion
      ownDeletion.current = undefined;
      setNotice({ kind: 'rescanning', since: new Date().toISOString() });
      const { sessionId } = await api.call('pages.rescan', {
        MaHoSo,
        pageId: focused,
        ...lastScannerChoice(),
      });
      rescanSession.current = sessionId;
    });

  // A rescan reports like any scan; its replacement shows up as an undoable deletion.
  useEffect(() => {
    const offs = [
      api.on('scan.failed', (event) => {
        if (event.sessionId !== rescanSession.current) return;
        rescanSession.current = undefined;
        setNotice({
          kind: 'error',
          reason: i18n.language.startsWith('vi') ? event.error.messageVi : event.error.message,
        });
      }),
      api.on('scan.finished', (event) => {
        if (event.sessionId === rescanSession.current) rescanSession.current = undefined;
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [api, i18n]);
  const shown: Notice | undefined =
    notice?.kind === 'rescanning' &&
    undoable?.reason === 'replaced' &&
    undoable.deletedAt >= notice.since
      ? { kind: 'replaced', actionId: undoable.actionId }
      : notice;

  // Ctrl+Z anywhere in the step (not while typing in a field) undoes the last deletion.
  useWindowKeydown((event) => {
    const typing = (event.target as HTMLElement | null)?.closest('input, textarea, select');
    if (typing || !(event.ctrlKey || event.metaKey) || event.code !== 'KeyZ') return;
    event.preventDefault();
    void undo();
  });

  const zoomBy = (direction: 1 | -1) => setZoom((z) => nextZoom(z, direction));

  const onGridKey = (event: KeyboardEvent, columns: number) => {
    const at = pages.findIndex((p) => p.id === focused);
    const go = (index: number) => {
      const page = pages[Math.max(0, Math.min(pages.length - 1, index))];
      if (page) setFocused(page.id);
    };
    const key = event.key;
    let handled = true;
    if (event.altKey && key === 'ArrowLeft') void step(-1);
    else if (event.altKey && key === 'ArrowRight') void step(1);
    else if (event.altKey || event.ctrlKey || event.metaKey) handled = false;
    else if (key === 'ArrowLeft') go(at - 1);
    else if (key === 'ArrowRight') go(at + 1);
    else if (key === 'ArrowUp') go(at - columns);
    else if (key === 'ArrowDown') go(at + columns);
    else if (key === 'Home') go(0);
    else if (key === 'End') go(pages.length - 1);
    else if (key === ' ' && focused !== undefined) {
      setSelected((s) => {
        const next = new Set(s);
        if (next.has(focused)) next.delete(focused);
        else next.add(focused);
        return next;
      });
    } else if (event.code === 'KeyR') void rotate(event.shiftKey ? 270 : 90);
    else if (key === 'Delete') void remove();
    else if (key === 'Escape') setSelected(new Set());
    else if (key === '+' || key === '=') zoomBy(1);
    else if (key === '-') zoomBy(-1);
    else handled = false;
    if (handled) event.preventDefault();
  };

  const pick = (page: ReviewPage, how: { ctrl: boolean; shift: boolean }) => {
    setFocused(page.id);
    if (how.ctrl) {
      setSelected((s) => {
        const next = new Set(s);
        if (next.has(page.id)) next.delete(page.id);
        else next.add(page.id);
        return next;
      });
    } else if (how.shift && focused !== undefined) {
      const a = pages.findIndex((p) => p.id === focused);
      const b = pages.findIndex((p) => p.id === page.id);
      setSelected(new Set(pages.slice(Math.min(a, b), Math.max(a, b) + 1).map((p) => p.id)));
    } else {
      setSelected(new Set());
    }
  };

  const current = pages.find((p) => p.id === focused);
  const chosen = targets();

  return (
    <section className="review-step" aria-labelledby="review-step-title">
      <h2 id="review-step-title">{t('heading')}</h2>
      {listing.state === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {listing.state === 'error' && (
        <p role="alert" className="error-text">
          {listing.error.localized(i18n.language)}
        </p>
      )}
      {listing.state === 'ok' && (
        <>
          <ReviewToolbar
            components={components}
            chosen={chosen}
            canUndo={undoable !== undefined || shown?.kind === 'deleted'}
            onRotate={(d) => void rotate(d)}
            onDelete={() => void remove()}
            onUndo={() => void undo()}
            onStep={(d) => void step(d)}
            onMove={(code) => void moveTo(code)}
            onRescan={() => void rescan()}
          />
          <ReviewNotice
            notice={shown}
            onUndo={(actionId) => void undo(actionId)}
            onDismiss={() => setNotice(undefined)}
          />
          {pages.length === 0 ? (
            <p className="muted">{t('noPages')}</p>
          ) : (
            <div className="review-body">
              <PageGrid
                MaHoSo={MaHoSo}
                components={components}
                focused={focused}
                selected={selected}
                onPick={pick}
                onKeyDown={onGridKey}
                onDragPages={(page) =>
                  selected.has(page.id)
                    ? pages.filter((p) => selected.has(p.id)).map((p) => p.id)
                    : [page.id]
                }
                onDrop={(ids, target) => void drop(ids, target)}
              />
              <PagePreview
                MaHoSo={MaHoSo}
                page={current}
                componentName={current ? nameOf(current.MaThanhPhanHoSo) : ''}
                zoom={zoom}
                onZoom={setZoom}
                overlay={<FieldHighlight field={shownField} page={current} />}
              />
            </div>
          )}
          {pages.length > 0 && (
            <ExtractedFields
              MaHoSo={MaHoSo}
              shown={shownField}
              onShow={(field) => {
                setFocused(field.pageId);
                setShownField(field);
              }}
            />
          )}
          <details className="review-shortcuts">
            <summary>{t('shortcutsTitle')}</summary>
            <ul>
              <li>{t('keyArrows')}</li>
              <li>{t('keySelect')}</li>
              <li>{t('keyReorder')}</li>
              <li>{t('keyRotate')}</li>
              <li>{t('keyDelete')}</li>
              <li>{t('keyUndo')}</li>
              <li>{t('keyZoom')}</li>
            </ul>
          </details>
        </>
      )}
    </section>
  );
}
