/** Retention for administrators: what is due under the configured rule, and purge on demand. */
import { useId, useState } from 'react';
import { useApi, type MethodOutput } from '../api/index.js';
import { useAuthTexts } from './i18n.js';
import { useSubmit } from './use-submit.js';

type Report = MethodOutput<'retention.preview'>;

export function RetentionPanel() {
  const t = useAuthTexts();
  const api = useApi();
  const id = useId();
  const [report, setReport] = useState<Report | undefined>();
  const [confirming, setConfirming] = useState(false);
  const preview = useSubmit(() => api.call('retention.preview', {}), setReport);
  const purge = useSubmit(
    () => api.call('retention.purge', {}),
    (done: Report) => {
      setConfirming(false);
      setReport(done);
    },
  );
  const error = preview.error ?? purge.error;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('retentionTitle')}</h2>
      <button type="button" onClick={() => preview.submit()} disabled={preview.busy}>
        {t('retentionPreview')}
      </button>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {report && (
        <div role="status" data-testid="retention-report">
          {report.cutoff === null ? (
            <p>{t('retentionOff')}</p>
          ) : report.dryRun ? (
            <>
              <p>
                {t('retentionRule', {
                  cutoff: new Date(report.cutoff).toLocaleDateString('vi-VN'),
                  days: report.afterDays,
                })}
              </p>
              {report.dossiers.length === 0 ? (
                <p>{t('retentionNone')}</p>
              ) : (
                <>
                  <p>{t('retentionDue', { count: report.dossiers.length })}</p>
                  <ul>
                    {report.dossiers.map((d) => (
                      <li key={d.MaHoSo}>
                        {t('retentionItem', {
                          code: d.MaHoSo,
                          received: d.NgayTiepNhan,
                          pages: d.pages,
                        })}
                      </li>
                    ))}
                  </ul>
                  {confirming ? (
                    <p>
                      {t('retentionConfirm')}{' '}
                      <button
                        type="button"
                        className="danger"
                        onClick={() => purge.submit()}
                        disabled={purge.busy}
                      >
                        {t('retentionPurge')}
                      </button>{' '}
                      <button type="button" onClick={() => setConfirming(false)}>
                        {t('cancel')}
                      </button>
                    </p>
                  ) : (
                    <button type="button" onClick={() => setConfirming(true)}>
                      {t('retentionPurge')}
                    </button>
                  )}
                </>
              )}
            </>
          ) : (
            <p>
              {t('retentionPurged', { count: report.dossiers.length, files: report.removedBlobs })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
