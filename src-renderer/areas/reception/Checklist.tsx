/**
 * The dossier's checklist of components (ThanhPhanHoSo): required ones marked, pages so far,
 * and what is still missing. Choosing a component sends the next scan into it.
 */
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../api/index.js';

export type DossierDetail = MethodOutput<'dossier.get'>;

export function pageCount(component: DossierDetail['components'][number]): number {
  return component.documents.reduce((n, d) => n + d.pages.length, 0);
}

export function Checklist(props: {
  detail: DossierDetail;
  /** The component chosen for the next scan. */
  selected?: string;
  onChoose?: (MaThanhPhanHoSo: string) => void;
}) {
  const { t } = useTranslation();
  const missing = new Set(props.detail.missingRequired);
  return (
    <table className="checklist" aria-label={t('reception.checklist.label')}>
      <thead>
        <tr>
          <th scope="col">{t('reception.checklist.component')}</th>
          <th scope="col">{t('reception.checklist.required')}</th>
          <th scope="col">{t('reception.checklist.pages')}</th>
          <th scope="col">{t('reception.checklist.state')}</th>
          {props.onChoose && <th scope="col">{t('reception.checklist.action')}</th>}
        </tr>
      </thead>
      <tbody>
        {props.detail.components.map((c) => {
          const pages = pageCount(c);
          const chosen = props.selected === c.MaThanhPhanHoSo;
          return (
            <tr
              key={c.id}
              data-component={c.MaThanhPhanHoSo}
              data-missing={missing.has(c.MaThanhPhanHoSo) || undefined}
              aria-current={chosen || undefined}
            >
              <th scope="row">
                <span lang="vi">{c.TenThanhPhanHoSo}</span>
                <span className="code"> {c.MaThanhPhanHoSo}</span>
              </th>
              <td>
                {c.BatBuoc ? (
                  <strong>{t('reception.checklist.yes')}</strong>
                ) : (
                  t('reception.checklist.no')
                )}
              </td>
              <td className="num">{pages}</td>
              <td>
                {missing.has(c.MaThanhPhanHoSo)
                  ? t('reception.checklist.missing')
                  : pages > 0
                    ? t('reception.checklist.done')
                    : t('reception.checklist.optional')}
              </td>
              {props.onChoose && (
                <td>
                  <button
                    type="button"
                    aria-pressed={chosen}
                    aria-label={t('reception.checklist.choose', { name: c.TenThanhPhanHoSo })}
                    onClick={() => props.onChoose?.(c.MaThanhPhanHoSo)}
                  >
                    {chosen ? t('reception.checklist.chosen') : t('reception.checklist.scanHere')}
                  </button>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
