/**
 * The Số hoá hàng loạt area: a contractor's jobs on this station, the chosen job's progress,
 * its QA queue to clear, its rescan list and its acceptance report.
 */
import { useState } from 'react';
import type { AreaId } from '../area-id.js';
import { QueryState } from '../QueryState.js';
import { useBatchTexts } from './i18n.js';
import { JobProgress } from './JobProgress.js';
import { QaQueue } from './QaQueue.js';
import { RescanList } from './RescanList.js';
import { usePolled } from './use-polled.js';

export function BatchScreen(_props: { area: AreaId }) {
  const t = useBatchTexts();
  const jobs = usePolled('batch.list', {}, 5000);
  const [chosen, setChosen] = useState<string>();
  const [decisions, setDecisions] = useState(0);

  return (
    <>
      <section className="card" aria-labelledby="batch-jobs-heading">
        <h2 id="batch-jobs-heading">{t('jobsHeading')}</h2>
        <QueryState query={jobs}>
          {(list) =>
            list.length === 0 ? (
              <p>{t('noJobs')}</p>
            ) : (
              <table className="data" data-testid="batch-jobs">
                <thead>
                  <tr>
                    <th scope="col">{t('name')}</th>
                    <th scope="col">{t('state')}</th>
                    <th scope="col">{t('source')}</th>
                    <th scope="col">{t('created')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((job) => (
                    <tr key={job.id} aria-selected={job.name === chosen}>
                      <th scope="row">
                        <button
                          type="button"
                          className="link"
                          aria-label={t('open', { name: job.name })}
                          aria-pressed={job.name === chosen}
                          onClick={() => setChosen(job.name)}
                        >
                          {job.name}
                        </button>
                      </th>
                      <td>{t(`states_${job.state}`)}</td>
                      <td>{t(`sources_${job.sourceKind}`)}</td>
                      <td>{new Date(job.createdAt).toLocaleString()}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </QueryState>
      </section>
      {chosen && (
        <>
          <JobProgress name={chosen} version={decisions} />
          <QaQueue name={chosen} onDecided={() => setDecisions((n) => n + 1)} />
          <RescanList name={chosen} version={decisions} />
        </>
      )}
    </>
  );
}
