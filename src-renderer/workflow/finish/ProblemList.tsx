/**
 * What blocks finishing, each with its way out: scan the missing component, or record why it is
 * waived; a wrong identity number goes back to reception. Warnings (flagged pages) lead to review.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../api/index.js';
import { WaiverForm } from './WaiverForm.js';

type Report = MethodOutput<'dossier.checkReady'>;
type Problem = Report['problems'][number];

function componentName(report: Report, problem: Problem): string {
  return (
    report.components.find((c) => c.MaThanhPhanHoSo === problem.MaThanhPhanHoSo)
      ?.TenThanhPhanHoSo ??
    problem.MaThanhPhanHoSo ??
    ''
  );
}

export function ProblemList(props: {
  report: Report;
  busy: boolean;
  onScan: (MaThanhPhanHoSo: string) => void;
  onReview: () => void;
  onWaive: (MaThanhPhanHoSo: string, reason: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('vi') ? 'vi' : 'en';
  const [waiving, setWaiving] = useState<string>();
  const { problems, warnings } = props.report;
  return (
    <>
      {problems.length > 0 && (
        <div role="alert" className="banner bad" data-testid="finish-problems">
          <strong>{t('finish.blocked', { count: problems.length })}</strong>
          <ul>
            {problems.map((p, i) => (
              <li key={`${p.code}-${p.MaThanhPhanHoSo ?? i}`} data-code={p.code}>
                {p[lang]}
                {p.MaThanhPhanHoSo && (
                  <span className="row-actions">
                    <button type="button" onClick={() => props.onScan(p.MaThanhPhanHoSo ?? '')}>
                      {t('finish.scanComponent')}
                    </button>
                    <button type="button" onClick={() => setWaiving(p.MaThanhPhanHoSo)}>
                      {t('finish.waive')}
                    </button>
                  </span>
                )}
                {p.MaThanhPhanHoSo && waiving === p.MaThanhPhanHoSo && (
                  <WaiverForm
                    componentName={componentName(props.report, p)}
                    busy={props.busy}
                    onWaive={(reason) => props.onWaive(waiving, reason)}
                    onCancel={() => setWaiving(undefined)}
                  />
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div className="banner warn" role="status">
          <strong>{t('finish.warnings')}</strong>
          <ul>
            {warnings.map((w, i) => (
              <li key={`${w.code}-${i}`}>
                {w[lang]}{' '}
                <button type="button" onClick={props.onReview}>
                  {t('finish.reviewPages')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
