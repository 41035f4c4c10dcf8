/**
 * A result paper digitized from the scanner: the same scanner and profile choice as the scan
 * step; pages show as they land and are cleaned and read in the background; a jam keeps what
 * landed and Continue scans the rest into the same paper; a paper scanned by mistake is
 * discarded; saving waits for the reading, builds the searchable PDF and files it with the
 * particulars typed here.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useApiQuery, type ApiError } from '../../api/index.js';
import {
  LandedStrip,
  lastScannerChoice,
  ScannerPicker,
  ScanProblem,
  useScanSession,
  type ScannerChoice,
} from '../scan/index.js';
import { useResultScanTexts } from './i18n.js';
import { ResultFields, SaveMessage, useResultFields } from './ResultFields.js';

export function ScanResultForm(props: { MaHoSo: string }) {
  const { MaHoSo } = props;
  const t = useResultScanTexts();
  const { i18n } = useTranslation();
  const api = useApi();
  const fields = useResultFields();
  const [scanner, setScanner] = useState<ScannerChoice>(lastScannerChoice);
  const { state, landed, startError, startWith, cancel, dismiss } = useScanSession(MaHoSo);
  const drafts = useApiQuery('dossier.resultScans', { MaHoSo }, [
    'scan.pageAcquired',
    'scan.finished',
    'scan.failed',
    'pipeline.pageProcessed',
    'pages.changed',
    'dossier.changed',
  ]);
  /** The result component's code, to tell this paper's pages from others landing meanwhile. */
  const [component, setComponent] = useState<string>();
  const [saving, setSaving] = useState(false);
  /** Pages of scans saved or thrown away: no longer the paper being scanned, so not shown. */
  const [settled, setSettled] = useState<ReadonlySet<number>>(new Set());
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const busy = state.phase === 'starting' || state.phase === 'scanning';
  // The newest unsaved scan: a Continue, or a scan started before, goes on into it.
  const draft = drafts.state === 'ok' ? drafts.data.at(-1) : undefined;
  const done = draft?.pages.filter((p) => p.state === 'done').length ?? 0;

  const scan = () => {
    if (busy || !scanner.device) return;
    setMessage(undefined);
    void startWith(() =>
      api.call('dossier.scanResult', {
        MaHoSo,
        ...(draft ? { documentId: draft.documentId } : {}),
        device: scanner.device,
        ...(scanner.profile ? { profile: scanner.profile } : {}),
      }),
    ).then((started) => started && setComponent(started.MaThanhPhanHoSo));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!fields.values.name.trim()) return setMessage({ ok: false, text: t('needName') });
    if (!draft) return setMessage({ ok: false, text: t('needPages') });
    setSaving(true);
    setMessage(undefined);
    try {
      const saved = await api.call('dossier.saveResultScan', {
        MaHoSo,
        documentId: draft.documentId,
        ...fields.particulars(),
      });
      setMessage({
        ok: true,
        text: t('saved', { name: saved.TenGiayTo, pages: draft.pages.length }),
      });
      fields.reset();
      setSettled((before) => new Set([...before, ...draft.pages.map((p) => p.pageId)]));
      dismiss();
    } catch (error) {
      setMessage({ ok: false, text: (error as ApiError).localized(i18n.language) });
    } finally {
      setSaving(false);
    }
  };

  // A wrong paper scanned: its pages are deleted like any page (audited, undoable in review).
  const discard = async () => {
    if (!draft || !window.confirm(t('confirmDiscard'))) return;
    setMessage(undefined);
    const pageIds = draft.pages.map((p) => p.pageId);
    try {
      await api.call('pages.delete', { MaHoSo, pageIds });
      setSettled((before) => new Set([...before, ...pageIds]));
      dismiss();
      setMessage({ ok: true, text: t('discarded', { count: pageIds.length }) });
    } catch (error) {
      setMessage({ ok: false, text: (error as ApiError).localized(i18n.language) });
    }
  };

  const paperPages = landed.filter(
    (l) => l.MaThanhPhanHoSo === component && !settled.has(l.pageId),
  );
  return (
    <form
      className="result-scan"
      onSubmit={(e) => void save(e)}
      // the missing name and the missing pages are said in words, as an alert
      noValidate
      aria-label={t('formLabel')}
    >
      <p className="hint">{t('help')}</p>
      <ScannerPicker choice={scanner} onChange={setScanner} disabled={busy || saving} />
      <div className="scan-actions">
        <button
          type="button"
          onClick={scan}
          disabled={busy || saving || !scanner.device}
          className={draft ? undefined : 'primary'}
        >
          {t('scan')}
        </button>
        {busy && (
          <button type="button" onClick={() => void cancel()}>
            {t('cancel')}
          </button>
        )}
        {draft && !busy && (
          <button type="button" onClick={() => void discard()} disabled={saving}>
            {t('discard')}
          </button>
        )}
      </div>
      <div className="scan-status" aria-live="polite">
        {draft ? t('draft', { count: draft.pages.length, done }) : t('noDraft')}
      </div>
      {startError && (
        <p role="alert" className="error-text">
          {startError.localized(i18n.language)}
        </p>
      )}
      {state.phase === 'failed' && (
        <ScanProblem problem={state.problem} onContinue={scan} onStop={dismiss} />
      )}
      {paperPages.length > 0 && (
        <LandedStrip landed={paperPages} componentName={() => t('paper')} />
      )}

      <div className="form-grid">
        <ResultFields fields={fields} disabled={saving} />
        <div className="actions">
          <button type="submit" className={draft ? 'primary' : undefined} disabled={busy || saving}>
            {t('save')}
          </button>
        </div>
      </div>
      {saving && (
        <p className="hint" aria-live="polite">
          {t('saving')}
        </p>
      )}
      <SaveMessage message={message} />
    </form>
  );
}
