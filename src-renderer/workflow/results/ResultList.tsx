/** Result papers with their numbers, openable and downloadable, and reusable when asked. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, type ApiError, type MethodOutput } from '../../api/index.js';
import { base64ToBlob, openFile } from '../../files/index.js';
import { ReuseControl } from '../reuse/index.js';

type Result = MethodOutput<'dossier.findResults'>[number];
const extension = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' } as const;

function formatDay(yyyymmdd: string): string {
  return `${yyyymmdd.slice(6, 8)}/${yyyymmdd.slice(4, 6)}/${yyyymmdd.slice(0, 4)}`;
}

export function ResultList(props: {
  results: readonly Result[];
  /** The dossier in reception, to reuse a paper in; omit to show no reuse control. */
  reuseTarget?: MethodOutput<'dossier.get'> | undefined;
  reuse?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [error, setError] = useState<ApiError>();
  const show = (r: Result, mode: 'open' | 'download') => {
    setError(undefined);
    api.call('dossier.resultFile', { resultId: r.id }).then(
      (file) =>
        openFile(
          base64ToBlob(file.base64, file.mime),
          `${r.MaHoSo ?? 'ket-qua'}-${r.id}.${extension[file.mime]}`,
          mode,
        ),
      (e: ApiError) => setError(e),
    );
  };
  return (
    <>
      <ul className="results" data-testid="result-list">
        {props.results.map((r) => (
          <li key={r.id} data-result={r.id}>
            <strong>{r.TenGiayTo}</strong>
            {r.MaKetQua && ` · ${t('results.code')} ${r.MaKetQua}`}
            {r.SoGiayTo && ` · ${t('results.number')} ${r.SoGiayTo}`}
            {r.NgayCap && ` · ${t('results.issued')} ${formatDay(r.NgayCap)}`}
            {r.MaHoSo && ` · ${r.MaHoSo}`}
            <span className="row-actions">
              <button
                type="button"
                aria-label={t('results.openOne', { name: r.TenGiayTo })}
                onClick={() => show(r, 'open')}
              >
                {t('results.open')}
              </button>
              <button
                type="button"
                aria-label={t('results.downloadOne', { name: r.TenGiayTo })}
                onClick={() => show(r, 'download')}
              >
                {t('results.download')}
              </button>
            </span>
            {props.reuse && (
              <ReuseControl
                source={{ kind: 'result', resultId: r.id }}
                title={r.TenGiayTo}
                target={props.reuseTarget}
              />
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="error-text">
          {error.localized(i18n.language)}
        </p>
      )}
    </>
  );
}
