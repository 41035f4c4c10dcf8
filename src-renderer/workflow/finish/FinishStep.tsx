/**
 * The last step at the counter: what still blocks the dossier (each with its way out), signing
 * with the certificate password or token PIN, the receipt ("Giấy tiếp nhận hồ sơ và hẹn trả kết
 * quả") to open or download and print, queueing for sync, and then a new dossier. Finishing is
 * safe to press again after an interruption (the core resumes).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useApiQuery, type ApiError, type MethodOutput } from '../../api/index.js';
import { base64ToBlob, openFile } from '../../files/index.js';
import { ShortcutButton } from '../../keyboard/index.js';
import { ProblemList } from './ProblemList.js';
import { SignForm } from './SignForm.js';
import { SyncProgress } from './SyncProgress.js';
import { useReadiness } from './use-readiness.js';

export interface FinishStepProps {
  MaHoSo: string;
  /** The dossier's id, which (unlike a provisional code) never changes. */
  dossierId: number;
  /** Send the clerk to scan a component (a missing required one). */
  onScan: (MaThanhPhanHoSo: string) => void;
  /** Send the clerk to the page review (flagged pages). */
  onReview: () => void;
  /** Start the next dossier. */
  onNew: () => void;
  /** The province gave the dossier its official code (it was received offline). */
  onCodeChanged: (MaHoSo: string) => void;
}

type Finished = MethodOutput<'dossier.finish'>;

export function FinishStep(props: FinishStepProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { report, error: readyError, setReport } = useReadiness(props.MaHoSo);
  const config = useApiQuery('config.get', {}, ['config.changed']);
  const provider = config.state === 'ok' ? config.data.config.signing.provider : undefined;
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [finished, setFinished] = useState<Finished>();

  const run = async <T,>(call: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await call();
    } catch (e) {
      setError(e as ApiError);
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  const waive = (MaThanhPhanHoSo: string, reason: string) =>
    void run(() =>
      api.call('dossier.waiveComponent', { MaHoSo: props.MaHoSo, MaThanhPhanHoSo, reason }),
    ).then((r) => r && setReport(r));

  const finish = async () => {
    const signing = provider === 'pkcs12' || provider === 'pkcs11';
    const typed = secret;
    setSecret(''); // never kept beyond this call
    const result = await run(() =>
      api.call('dossier.finish', {
        MaHoSo: props.MaHoSo,
        ...(signing && typed ? { secret: typed } : {}),
      }),
    );
    if (!result) return;
    setFinished(result);
    // queued: nudge the sync engine so the dossier leaves now, when sync is set up
    const status = await api.call('sync.status', {}).catch(() => undefined);
    if (status?.configured) await api.call('sync.runNow', {}).catch(() => undefined);
  };

  const receipt = (mode: 'open' | 'download') =>
    void run(() => api.call('dossier.receipt', { MaHoSo: props.MaHoSo })).then(
      (r) =>
        r && openFile(base64ToBlob(r.base64, 'application/pdf'), `${r.MaHoSo}-tiep-nhan.pdf`, mode),
    );

  const needsSecret = provider === 'pkcs12' || provider === 'pkcs11';
  const canFinish = report?.ready === true && !busy && (!needsSecret || secret.length > 0);

  return (
    <section className="card" aria-labelledby="finish-heading">
      <h2 id="finish-heading">{t('finish.heading')}</h2>
      {readyError && (
        <p role="alert" className="error-text">
          {readyError.localized(i18n.language)}
        </p>
      )}
      {report && !finished && (
        <>
          <ProblemList
            report={report}
            busy={busy}
            onScan={props.onScan}
            onReview={props.onReview}
            onWaive={waive}
          />
          {report.ready && (
            <p role="status" className="ok-text" data-testid="finish-ready">
              {t('finish.ready')}
            </p>
          )}
          <ul className="waivers">
            {report.components
              .filter((c) => c.waiver)
              .map((c) => (
                <li key={c.MaThanhPhanHoSo}>
                  {t('finish.waived', { name: c.TenThanhPhanHoSo, reason: c.waiver?.reason })}{' '}
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() =>
                      void run(() =>
                        api.call('dossier.unwaiveComponent', {
                          MaHoSo: props.MaHoSo,
                          MaThanhPhanHoSo: c.MaThanhPhanHoSo,
                        }),
                      ).then((r) => r && setReport(r))
                    }
                  >
                    {t('finish.unwaive')}
                  </button>
                </li>
              ))}
          </ul>
          {provider === 'none' && <p className="hint">{t('finish.noSigning')}</p>}
          {needsSecret && <SignForm provider={provider} secret={secret} onSecret={setSecret} />}
          <div className="actions">
            <ShortcutButton
              shortcut="next"
              className="primary"
              disabled={!canFinish}
              onPress={() => void finish()}
            >
              {needsSecret ? t('finish.signAndFinish') : t('finish.finish')}
            </ShortcutButton>
          </div>
          {busy && <p aria-busy="true">{t('finish.working')}</p>}
        </>
      )}
      {finished && (
        <div data-testid="finish-done">
          <p role="status" className="ok-text">
            {t('finish.done', {
              count: finished.documents.length,
              signed: finished.documents.filter((d) => d.signed).length,
            })}
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => receipt('open')}>
              {t('finish.openReceipt')}
            </button>
            <button type="button" onClick={() => receipt('download')}>
              {t('finish.downloadReceipt')}
            </button>
          </div>
          <SyncProgress
            dossierId={props.dossierId}
            MaHoSo={props.MaHoSo}
            onCodeChanged={props.onCodeChanged}
          />
        </div>
      )}
      {error && (
        <p role="alert" className="error-text preline">
          {error.localized(i18n.language)}
        </p>
      )}
      <div className="actions">
        <ShortcutButton
          shortcut="newDossier"
          {...(finished ? { className: 'primary' } : {})}
          onPress={props.onNew}
        >
          {t('reception.newDossier')}
        </ShortcutButton>
      </div>
    </section>
  );
}
