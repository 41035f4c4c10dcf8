/**
 * The Hàng đợi area: what waits to be sent to the province and why, each dossier's sync state,
 * another try for one the province refused, and a nudge to send now. Follows sync events.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useApiQuery, type ApiError } from '../../api/index.js';
import { QueryState } from '../QueryState.js';
import { OfflineBanner } from './OfflineBanner.js';

const syncEvents = ['sync.itemChanged', 'sync.connectivityChanged', 'config.changed'] as const;

export function QueueScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const status = useApiQuery('sync.status', {}, syncEvents);
  const dossiers = useApiQuery('dossier.list', { limit: 50 }, [
    ...syncEvents,
    'dossier.created',
    'dossier.changed',
  ]);
  const [error, setError] = useState<ApiError>();
  const [note, setNote] = useState<string>();
  const act = (call: Promise<unknown>, done: string) => {
    setError(undefined);
    setNote(undefined);
    call.then(
      () => setNote(done),
      (e: ApiError) => setError(e),
    );
  };

  return (
    <>
      <QueryState query={status}>
        {(s) => (
          <>
            <OfflineBanner status={s} />
            <section className="card" aria-labelledby="outbox-heading">
              <h2 id="outbox-heading">{t('queue.outboxHeading')}</h2>
              <p data-testid="outbox-summary">
                {t('queue.summary', {
                  waiting: s.outbox.queued + s.outbox.uploading + s.outbox.files_done,
                  attention: s.outbox.needs_attention,
                  sent: s.acknowledged,
                })}
              </p>
              {s.waiting.length > 0 && (
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">{t('queue.code')}</th>
                      <th scope="col">{t('queue.state')}</th>
                      <th scope="col">{t('queue.attempts')}</th>
                      <th scope="col">{t('queue.problem')}</th>
                      <th scope="col">{t('queue.action')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.waiting.map((w) => (
                      <tr key={w.MaHoSo} data-code={w.MaHoSo} data-state={w.state}>
                        <th scope="row">{w.MaHoSo}</th>
                        <td>{t(`queue.states.${w.state}`)}</td>
                        <td className="num">{w.attempts}</td>
                        <td>
                          {w.attention
                            ? t('queue.refused', { message: w.attention })
                            : w.lastError
                              ? t('queue.willRetry', { message: w.lastError })
                              : ''}
                        </td>
                        <td>
                          {w.state === 'needs_attention' && (
                            <button
                              type="button"
                              aria-label={t('queue.retryOne', { code: w.MaHoSo })}
                              onClick={() =>
                                act(
                                  api.call('sync.retry', { MaHoSo: w.MaHoSo }),
                                  t('queue.retried', { code: w.MaHoSo }),
                                )
                              }
                            >
                              {t('queue.retry')}
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {s.configured && (
                <div className="actions">
                  <button
                    type="button"
                    onClick={() => act(api.call('sync.runNow', {}), t('queue.woken'))}
                  >
                    {t('queue.sendNow')}
                  </button>
                </div>
              )}
              {note && <p role="status">{note}</p>}
              {error && (
                <p role="alert" className="error-text">
                  {error.localized(i18n.language)}
                </p>
              )}
            </section>
          </>
        )}
      </QueryState>
      <section className="card" aria-labelledby="recent-heading">
        <h2 id="recent-heading">{t('queue.recentHeading')}</h2>
        <QueryState query={dossiers}>
          {(list) =>
            list.length === 0 ? (
              <p>{t('queue.noDossiers')}</p>
            ) : (
              <table className="data" data-testid="recent-dossiers">
                <thead>
                  <tr>
                    <th scope="col">{t('queue.code')}</th>
                    <th scope="col">{t('queue.applicant')}</th>
                    <th scope="col">{t('queue.procedure')}</th>
                    <th scope="col">{t('queue.syncState')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((d) => (
                    <tr key={d.id} data-code={d.MaHoSo} data-sync={d.syncState}>
                      <th scope="row">{d.MaHoSo}</th>
                      <td lang="vi">{d.ChuHoSo}</td>
                      <td lang="vi">{d.TenTTHC}</td>
                      <td>{t(`queue.sync.${d.syncState}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </QueryState>
      </section>
    </>
  );
}
