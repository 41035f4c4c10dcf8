/**
 * Papers this applicant already brought or received before (found by their CCCD/CMND): the
 * documents of their earlier dossiers and the result papers handed back to them, each reusable
 * in the dossier being received instead of scanning it again.
 */
import { useTranslation } from 'react-i18next';
import { useApiQuery, type MethodOutput } from '../../api/index.js';
import { ReuseControl } from './ReuseControl.js';

type DossierDetail = MethodOutput<'dossier.get'>;

function EarlierDossier(props: { MaHoSo: string; target: DossierDetail }) {
  const { t } = useTranslation();
  const detail = useApiQuery('dossier.get', { MaHoSo: props.MaHoSo });
  if (detail.state !== 'ok') return null;
  const documents = detail.data.components.flatMap((c) =>
    c.documents.filter((d) => d.pages.length > 0).map((d) => ({ c, d })),
  );
  if (documents.length === 0) return null;
  return (
    <li>
      <strong>{detail.data.dossier.MaHoSo}</strong> · {detail.data.dossier.TenTTHC}
      <ul>
        {documents.map(({ c, d }) => (
          <li key={d.id}>
            {d.title} — {t('reuse.pages', { count: d.pages.length })}
            <ReuseControl
              source={{ kind: 'document', documentId: d.id }}
              title={d.title}
              target={props.target}
              suggested={c.MaThanhPhanHoSo}
            />
          </li>
        ))}
      </ul>
    </li>
  );
}

export function EarlierPapers(props: { target: DossierDetail }) {
  const { t } = useTranslation();
  const owner = props.target.dossier.DinhDanhCHS?.SoDinhDanh ?? '';
  const dossiers = useApiQuery('dossier.search', { query: owner, limit: 10 });
  const results = useApiQuery('dossier.findResults', { SoDinhDanh: owner });
  const earlier =
    dossiers.state === 'ok'
      ? [...new Set(dossiers.data.map((h) => h.MaHoSo))].filter(
          (code) => code !== props.target.dossier.MaHoSo,
        )
      : [];
  const papers = results.state === 'ok' ? results.data : [];
  if (earlier.length === 0 && papers.length === 0) return null;
  return (
    <section className="card" aria-labelledby="earlier-papers">
      <h2 id="earlier-papers">{t('reuse.earlierHeading')}</h2>
      <p>{t('reuse.earlierHelp')}</p>
      <ul className="earlier">
        {papers.map((r) => (
          <li key={`r${r.id}`}>
            <strong>{r.TenGiayTo}</strong>
            {r.SoGiayTo && ` · ${t('results.number')} ${r.SoGiayTo}`}
            {r.MaHoSo && ` · ${r.MaHoSo}`}
            <ReuseControl
              source={{ kind: 'result', resultId: r.id }}
              title={r.TenGiayTo}
              target={props.target}
            />
          </li>
        ))}
        {earlier.map((code) => (
          <EarlierDossier key={code} MaHoSo={code} target={props.target} />
        ))}
      </ul>
    </section>
  );
}
