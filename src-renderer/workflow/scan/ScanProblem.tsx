/**
 * Why a round stopped, in plain words, with the way out: a jam says to clear the paper and press
 * Continue (which scans again and appends); any other failure gives the scanner's own advice.
 * Either way the pages that landed are kept, and the clerk may stop there.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useScanTexts } from './i18n.js';
import type { SessionProblem } from './use-scan-session.js';

export function ScanProblem(props: {
  problem: SessionProblem;
  onContinue: () => void;
  onStop: () => void;
}) {
  const t = useScanTexts();
  const { i18n } = useTranslation();
  const { problem } = props;
  const jammed = problem.code === 'SCAN_JAMMED';
  const continueButton = useRef<HTMLButtonElement>(null);
  useEffect(() => continueButton.current?.focus(), []);

  return (
    <section role="alert" className="scan-problem" aria-labelledby="scan-problem-title">
      <h3 id="scan-problem-title">{jammed ? t('jammedTitle') : t('problemTitle')}</h3>
      {jammed ? (
        <>
          <p>
            {t('jammedWhat', {
              page: problem.page ?? problem.pagesKept + 1,
              kept: problem.pagesKept,
            })}
          </p>
          <p className="scan-way-out">{t('jammedWayOut')}</p>
        </>
      ) : (
        <>
          <p>{i18n.language.startsWith('vi') ? problem.messageVi : problem.message}</p>
          <p>{t('problemKept', { kept: problem.pagesKept })}</p>
        </>
      )}
      <div className="scan-actions">
        <button ref={continueButton} type="button" className="primary" onClick={props.onContinue}>
          {t('continue')}
        </button>
        <button type="button" onClick={props.onStop}>
          {t('stopKeep')}
        </button>
      </div>
    </section>
  );
}
