/** Thumbnails of the pages landed during this step, newest last, as they arrive. */
import { useScanTexts } from './i18n.js';
import { pageMark, type LandedThumb } from './use-scan-session.js';

export function LandedStrip(props: {
  landed: readonly LandedThumb[];
  componentName: (MaThanhPhanHoSo: string) => string;
}) {
  const t = useScanTexts();
  const numbers = new Map<string, number>();
  return (
    <section className="scan-landed" aria-labelledby="scan-landed-title">
      <h3 id="scan-landed-title">{t('landedHeading')}</h3>
      {props.landed.length === 0 ? (
        <p className="muted">{t('landedNone')}</p>
      ) : (
        <ol className="scan-thumbs">
          {props.landed.map((page) => {
            const n = (numbers.get(page.MaThanhPhanHoSo) ?? 0) + 1;
            numbers.set(page.MaThanhPhanHoSo, n);
            return (
              <li key={page.pageId}>
                <img
                  src={page.url}
                  data-page-id={page.pageId}
                  alt={t('pageThumb', { n, component: props.componentName(page.MaThanhPhanHoSo) })}
                  onLoad={() => performance.mark(pageMark('shown', page.pageId))}
                />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
