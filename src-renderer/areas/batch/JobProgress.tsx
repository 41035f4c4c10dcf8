/** One job's progress: files, pages, dossiers, processing, flags, bad files, report download. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, type ApiError, type MethodOutput } from '../../api/index.js';
import { base64ToBlob, openFile } from '../../files/index.js';
import { QueryState } from '../QueryState.js';
import { useBatchTexts } from './i18n.js';
import { usePolled } from './use-polled.js';

type Flag = keyof MethodOutput<'batch.status'>['flags'];
/** In the order a reviewer weighs them. */
const FLAGS: readonly Flag[] = [
  'low-dpi',
  'low-ocr-confidence',
  'field-invalid',
  'skewed',
  'blank',
  'orientation-unsure',
];

export function JobProgress(props: { name: string; version: number }) {
  const t = useBatchTexts();
  const { i18n } = useTranslation();
  const api = useApi();
  const status = usePolled('batch.status', { name: props.name }, 2000, props.version);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const download = (format: 'csv' | 'xlsx') => {
    setBusy(true);
    setError(undefined);
    api.call('batch.report', { name: props.name, format }).then(
      (file) => {
        openFile(base64ToBlob(file.base64, file.mime), file.fileName, 'download');
        setBusy(false);
      },
      (e: ApiError) => {
        setError(e);
        setBusy(false);
      },
    );
  };

  return (
    <section className="card" aria-labelledby="batch-progress-heading">
      <h2 id="batch-progress-heading">{t('progressHeading', { name: props.name })}</h2>
      <QueryState query={status}>
        {(s) => {
          const handled = s.files.done + s.files.bad;
          const filed =
            s.processing.pending +
            s.processing.processing +
            s.processing.done +
            s.processing.failed;
          const flagged = FLAGS.filter((f) => (s.flags[f] ?? 0) > 0);
          return (
            <>
              <label>
                {t('filesProgress')} <progress max={Math.max(s.files.total, 1)} value={handled} />
              </label>
              <p data-testid="batch-files">
                {t('files', { done: handled, total: s.files.total, bad: s.files.bad })}
              </p>
              <dl className="facts" data-testid="batch-counts">
                <dt>{t('pages')}</dt>
                <dd data-key="pages">{s.pages}</dd>
                <dt>{t('dossiers')}</dt>
                <dd data-key="dossiers">{s.dossiers}</dd>
                <dt>{t('reviewBin')}</dt>
                <dd data-key="review">{s.reviewPages}</dd>
                <dt>{t('processed')}</dt>
                <dd data-key="processed">
                  {t('processing', {
                    done: s.processing.done,
                    total: filed,
                    failed: s.processing.failed,
                  })}
                </dd>
              </dl>
              <h3>{t('flagsHeading')}</h3>
              {flagged.length === 0 ? (
                <p>{t('noFlags')}</p>
              ) : (
                <ul data-testid="batch-flags">
                  {flagged.map((f) => (
                    <li key={f}>
                      {t(`flag_${f}`)}: {s.flags[f]}
                    </li>
                  ))}
                </ul>
              )}
              {s.badFiles.length > 0 && (
                <>
                  <h3>{t('badFilesHeading')}</h3>
                  <ul data-testid="batch-bad-files">
                    {s.badFiles.map((b) => (
                      <li key={b.path}>{i18n.language === 'en' ? b.en : b.vi}</li>
                    ))}
                  </ul>
                </>
              )}
              <h3>{t('reportHeading')}</h3>
              <div className="actions">
                <button type="button" disabled={busy} onClick={() => download('xlsx')}>
                  {t('downloadXlsx')}
                </button>
                <button type="button" disabled={busy} onClick={() => download('csv')}>
                  {t('downloadCsv')}
                </button>
              </div>
              {busy && <p role="status">{t('downloading')}</p>}
              {error && (
                <p role="alert" className="error-text">
                  {error.localized(i18n.language)}
                </p>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
