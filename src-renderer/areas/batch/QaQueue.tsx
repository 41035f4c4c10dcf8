/**
 * The QA queue of a job: sampled and flagged pages with their image and why they are here; the
 * reviewer accepts each or sends it back for rescan (with a note). Keyboard: every control is a
 * button or a field in reading order.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, type ApiError, type MethodOutput } from '../../api/index.js';
import { QueryState } from '../QueryState.js';
import { useBatchTexts } from './i18n.js';
import { usePolled } from './use-polled.js';

type Item = MethodOutput<'batch.qaQueue'>[number];

const REVIEWER_KEY = 'sohoa.batch.reviewer';

function Thumbnail(props: { item: Item }) {
  const t = useBatchTexts();
  const api = useApi();
  const [url, setUrl] = useState<string>();
  const { pageId, processing } = props.item;
  useEffect(() => {
    if (processing !== 'done') return;
    let live = true;
    api.call('pipeline.thumbnail', { pageId }).then(
      (r) => live && setUrl(r.dataUrl),
      () => live && setUrl(undefined),
    );
    return () => {
      live = false;
    };
  }, [api, pageId, processing]);
  return url ? (
    <img src={url} alt={t('thumbnail', { seq: props.item.seq })} width={96} />
  ) : (
    <span>{t('notProcessed')}</span>
  );
}

export function QaQueue(props: { name: string; onDecided: () => void }) {
  const t = useBatchTexts();
  const { i18n } = useTranslation();
  const api = useApi();
  const [version, setVersion] = useState(0);
  const queue = usePolled('batch.qaQueue', { name: props.name, limit: 50 }, 5000, version);
  const status = usePolled('batch.status', { name: props.name }, 5000, version);
  const [reviewer, setReviewer] = useState(() => localStorage.getItem(REVIEWER_KEY) ?? '');
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<ApiError | string>();

  const decide = (item: Item, decision: 'accepted' | 'rejected') => {
    setMessage(undefined);
    setError(undefined);
    if (!reviewer.trim()) {
      setError(t('reviewerNeeded'));
      return;
    }
    localStorage.setItem(REVIEWER_KEY, reviewer.trim());
    const note = notes[item.pageId]?.trim();
    api
      .call('batch.qaDecide', {
        name: props.name,
        pageId: item.pageId,
        decision,
        reviewer: reviewer.trim(),
        ...(note ? { note } : {}),
      })
      .then(
        () => {
          setMessage(t('decided', { seq: item.seq, decision: t(`decision_${decision}`) }));
          setVersion((v) => v + 1);
          props.onDecided();
        },
        (e: ApiError) => setError(e),
      );
  };

  return (
    <section className="card" aria-labelledby="batch-qa-heading">
      <h2 id="batch-qa-heading">{t('qaHeading')}</h2>
      <QueryState query={status}>
        {(s) => (
          <p data-testid="batch-qa-summary">
            {t('qaSummary', { open: s.qa.open, accepted: s.qa.accepted, rejected: s.qa.rejected })}
          </p>
        )}
      </QueryState>
      <label>
        {t('reviewer')}{' '}
        <input
          value={reviewer}
          onChange={(e) => setReviewer(e.target.value)}
          autoComplete="name"
          maxLength={200}
        />
      </label>
      <QueryState query={queue}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('qaEmpty')}</p>
          ) : (
            <table className="data" data-testid="batch-qa">
              <thead>
                <tr>
                  <th scope="col">{t('page')}</th>
                  <th scope="col">{t('dossier')}</th>
                  <th scope="col">{t('component')}</th>
                  <th scope="col">{t('reasons')}</th>
                  <th scope="col">{t('note')}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.pageId} data-page={item.pageId}>
                    <th scope="row">
                      <Thumbnail item={item} /> {item.seq}
                    </th>
                    <td>{item.MaHoSo}</td>
                    <td className="num">{item.component}</td>
                    <td>
                      {item.reasons
                        .map((r) => (r === 'sample' ? t('reason_sample') : t(`flag_${r}`)))
                        .join(', ')}
                    </td>
                    <td>
                      <input
                        aria-label={`${t('note')} — ${t('page')} ${item.seq}`}
                        value={notes[item.pageId] ?? ''}
                        maxLength={500}
                        onChange={(e) => setNotes({ ...notes, [item.pageId]: e.target.value })}
                      />
                    </td>
                    <td className="actions">
                      <button
                        type="button"
                        aria-label={t('acceptPage', { seq: item.seq, code: item.MaHoSo })}
                        onClick={() => decide(item, 'accepted')}
                      >
                        {t('accept')}
                      </button>
                      <button
                        type="button"
                        aria-label={t('rejectPage', { seq: item.seq, code: item.MaHoSo })}
                        onClick={() => decide(item, 'rejected')}
                      >
                        {t('reject')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      {message && <p role="status">{message}</p>}
      {error && (
        <p role="alert" className="error-text">
          {typeof error === 'string' ? error : error.localized(i18n.language)}
        </p>
      )}
    </section>
  );
}
