/** Pages a reviewer sent back: which file and page to pull, and where it is filed. */
import { QueryState } from '../QueryState.js';
import { useBatchTexts } from './i18n.js';
import { usePolled } from './use-polled.js';

export function RescanList(props: { name: string; version: number }) {
  const t = useBatchTexts();
  const list = usePolled('batch.rescanList', { name: props.name }, 10_000, props.version);
  return (
    <section className="card" aria-labelledby="batch-rescan-heading">
      <h2 id="batch-rescan-heading">{t('rescanHeading')}</h2>
      <QueryState query={list}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('rescanEmpty')}</p>
          ) : (
            <table className="data" data-testid="batch-rescan">
              <thead>
                <tr>
                  <th scope="col">{t('dossier')}</th>
                  <th scope="col">{t('component')}</th>
                  <th scope="col">{t('file')}</th>
                  <th scope="col">{t('reviewer')}</th>
                  <th scope="col">{t('note')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <tr key={r.batchPageId}>
                    <th scope="row">{r.MaHoSo}</th>
                    <td className="num">{r.component}</td>
                    <td>
                      {r.path} #{r.filePage}
                    </td>
                    <td>{r.reviewer}</td>
                    <td>{r.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </section>
  );
}
