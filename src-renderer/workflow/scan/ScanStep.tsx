/**
 * The scan step: choose scanner and profile, choose the component, Scan (Ctrl+Enter). Pages show
 * as they land, with progress and page counts per component; a failure says what happened and
 * what to do, and Continue scans again, appending to what is there.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/index.js';
import { useWindowKeydown } from '../../keyboard/index.js';
import { ComponentPicker, type ComponentCount } from './ComponentPicker.js';
import { useScanTexts } from './i18n.js';
import { LandedStrip } from './LandedStrip.js';
import { ScannerPicker } from './ScannerPicker.js';
import { ScanProblem } from './ScanProblem.js';
import { lastScannerChoice, type ScannerChoice } from './scanner-memory.js';
import { useScanSession } from './use-scan-session.js';
import './scan.css';

export interface ScanStepProps {
  MaHoSo: string;
  /** The component to scan into first; default: the first required one without pages. */
  MaThanhPhanHoSo?: string;
  /** The clerk is done scanning (e.g. go on to review). */
  onDone?: () => void;
}

export function ScanStep({ MaHoSo, MaThanhPhanHoSo, onDone }: ScanStepProps) {
  const t = useScanTexts();
  const { i18n } = useTranslation();
  const dossier = useApiQuery('dossier.get', { MaHoSo }, [
    'scan.pageAcquired',
    'scan.finished',
    'scan.failed',
    'pages.changed',
  ]);
  const [scanner, setScanner] = useState<ScannerChoice>(lastScannerChoice);
  const [chosen, setComponent] = useState(MaThanhPhanHoSo);
  const { state, landed, startError, start, cancel, dismiss } = useScanSession(MaHoSo);
  const busy = state.phase === 'starting' || state.phase === 'scanning';

  const components = useMemo<ComponentCount[]>(
    () =>
      dossier.state === 'ok'
        ? dossier.data.components.map((c) => ({
            MaThanhPhanHoSo: c.MaThanhPhanHoSo,
            TenThanhPhanHoSo: c.TenThanhPhanHoSo,
            BatBuoc: c.BatBuoc,
            pages: c.documents.reduce((n, d) => n + d.pages.length, 0),
          }))
        : [],
    [dossier],
  );
  // Until the clerk chooses: the first required component still without pages.
  const component =
    chosen ??
    (components.find((c) => c.BatBuoc && c.pages === 0) ?? components[0])?.MaThanhPhanHoSo;

  const scan = useCallback(() => {
    if (!component || busy) return;
    void start({
      MaThanhPhanHoSo: component,
      ...(scanner.device ? { device: scanner.device } : {}),
      ...(scanner.profile ? { profile: scanner.profile } : {}),
    });
  }, [component, busy, scanner, start]);

  // Ctrl+Enter scans; Esc stops a running round. Captured first so a surrounding stepper's
  // Ctrl+Enter ("next step") does not also fire while this step is open.
  useWindowKeydown(
    (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        event.stopPropagation();
        scan();
      } else if (event.key === 'Escape' && busy) {
        event.preventDefault();
        void cancel();
      }
    },
    { capture: true },
  );

  const nameOf = (code: string) =>
    components.find((c) => c.MaThanhPhanHoSo === code)?.TenThanhPhanHoSo ?? code;

  return (
    <section className="scan-step" aria-labelledby="scan-step-title">
      <h2 id="scan-step-title">{t('heading')}</h2>
      <ScannerPicker choice={scanner} onChange={setScanner} disabled={busy} />
      {dossier.state === 'error' ? (
        <p role="alert" className="error-text">
          {dossier.error.localized(i18n.language)}
        </p>
      ) : (
        <ComponentPicker
          components={components}
          value={component}
          onChange={setComponent}
          disabled={busy}
        />
      )}

      <div className="scan-actions">
        <button
          type="button"
          className="primary"
          onClick={scan}
          disabled={busy || !component || !scanner.device}
          aria-keyshortcuts="Control+Enter"
          title={t('scanHint')}
        >
          {t('scan')} <kbd aria-hidden="true">Ctrl+Enter</kbd>
        </button>
        {busy && (
          <button type="button" onClick={() => void cancel()} aria-keyshortcuts="Escape">
            {t('cancel')} <kbd aria-hidden="true">Esc</kbd>
          </button>
        )}
        {onDone && (
          <button type="button" onClick={onDone} disabled={busy}>
            {t('done')}
          </button>
        )}
      </div>
      <p className="muted scan-shortcuts">{t('shortcuts')}</p>

      <div className="scan-status" role="status" aria-live="polite">
        {state.phase === 'starting' && t('starting')}
        {state.phase === 'scanning' && (
          <>
            {state.page !== undefined && t('scanningPage', { page: state.page })}
            {state.fraction !== undefined && (
              <progress aria-label={t('progress')} value={state.fraction} max={1} />
            )}
          </>
        )}
        {state.phase === 'finished' && (
          <>
            {t('finished', { count: state.pages })} {state.feederEmpty && t('feederEmpty')}
          </>
        )}
        {state.phase === 'stopped' && t('stopped', { count: state.pagesKept })}
      </div>
      {startError && (
        <p role="alert" className="error-text">
          {t('startFailed')}: {startError.localized(i18n.language)}
        </p>
      )}
      {state.phase === 'failed' && (
        <ScanProblem problem={state.problem} onContinue={scan} onStop={dismiss} />
      )}

      <LandedStrip landed={landed} componentName={nameOf} />
    </section>
  );
}
