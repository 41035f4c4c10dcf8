/**
 * An earlier dossier opened from Search: its facts, its documents (each reusable in the dossier
 * being received), and its result papers, with the form to hand back new ones.
 */
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/index.js';
import { ReuseControl, useReuseTarget } from '../../workflow/reuse/index.js';
import { HandBackForm, ResultList } from '../../workflow/results/index.js';
import { QueryState } from '../QueryState.js';
import { DossierHeader } from '../reception/DossierHeader.js';

export function DossierView(props: { MaHoSo: string; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useApiQuery('dossier.get', { MaHoSo: props.MaHoSo }, ['dossier.changed']);
  const results = useApiQuery('dossier.findResults', { MaHoSo: props.MaHoSo }, ['dossier.changed']);
  const target = useReuseTarget(props.MaHoSo);
  return (
    <QueryState query={detail}>
      {(d) => (
        <article className="dossier-view" aria-labelledby="dossier-view-title">
          <h2 id="dossier-view-title" tabIndex={-1}>
            {t('search.opened', { code: d.dossier.MaHoSo })}
          </h2>
          <button type="button" onClick={props.onClose}>
            {t('search.backToResults')}
          </button>
          <DossierHeader dossier={d.dossier} />
          <section className="card" aria-labelledby="dossier-view-docs">
            <h3 id="dossier-view-docs">{t('search.documents')}</h3>
            {!target && <p className="hint">{t('reuse.noTarget')}</p>}
            <ul className="documents">
              {d.components.flatMap((c) =>
                c.documents
                  .filter((doc) => doc.pages.length > 0)
                  .map((doc) => (
                    <li key={doc.id} data-document={doc.id}>
                      <strong>{doc.title}</strong> · {c.TenThanhPhanHoSo} ·{' '}
                      {t('reuse.pages', { count: doc.pages.length })}
                      {doc.signed && ` · ${t('search.signed')}`}
                      {target && (
                        <ReuseControl
                          source={{ kind: 'document', documentId: doc.id }}
                          title={doc.title}
                          target={target}
                          suggested={c.MaThanhPhanHoSo}
                        />
                      )}
                    </li>
                  )),
              )}
            </ul>
          </section>
          <section className="card" aria-labelledby="dossier-view-results">
            <h3 id="dossier-view-results">{t('results.heading')}</h3>
            <QueryState query={results}>
              {(list) =>
                list.length === 0 ? (
                  <p>{t('results.none')}</p>
                ) : (
                  <ResultList results={list} reuse={target !== undefined} reuseTarget={target} />
                )
              }
            </QueryState>
            <h3>{t('results.handBack')}</h3>
            <p className="hint">{t('results.handBackHelp')}</p>
            <HandBackForm MaHoSo={d.dossier.MaHoSo} />
          </section>
        </article>
      )}
    </QueryState>
  );
}
