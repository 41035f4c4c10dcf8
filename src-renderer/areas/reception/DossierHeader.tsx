/** The dossier being received: its code (shown large, the citizen copies it), who and what. */
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../api/index.js';

export function DossierHeader(props: { dossier: MethodOutput<'dossier.get'>['dossier'] }) {
  const { t } = useTranslation();
  const d = props.dossier;
  const due = d.NgayHenTra
    ? `${d.NgayHenTra.slice(6, 8)}/${d.NgayHenTra.slice(4, 6)}/${d.NgayHenTra.slice(0, 4)}`
    : undefined;
  return (
    <section className="card dossier-header" aria-labelledby="dossier-code-label">
      <p>
        <span id="dossier-code-label">{t('reception.dossier.code')}</span>{' '}
        <strong className="dossier-code" data-testid="dossier-code">
          {d.MaHoSo}
        </strong>
        {d.provisional && <span className="badge warn"> {t('reception.dossier.provisional')}</span>}
      </p>
      <dl className="facts">
        <dt>{t('reception.dossier.procedure')}</dt>
        <dd>
          <span lang="vi">{d.TenTTHC}</span> ({d.MaTTHC})
        </dd>
        <dt>{t('reception.dossier.applicant')}</dt>
        <dd>
          <span lang="vi">{d.ChuHoSo}</span>
          {d.DinhDanhCHS && ` · ${d.DinhDanhCHS.SoDinhDanh}`}
        </dd>
        <dt>{t('reception.dossier.agencies')}</dt>
        <dd>
          {d.NoiNopHoSo}
          {d.DonViXuLy !== d.NoiNopHoSo && ` → ${d.DonViXuLy}`}
        </dd>
        {due && (
          <>
            <dt>{t('reception.dossier.due')}</dt>
            <dd>{due}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
