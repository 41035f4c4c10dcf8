/** The chosen page enlarged, with zoom, and the text OCR read from it beside the image. */
import type { ReactNode } from 'react';
import { useApiQuery } from '../../api/index.js';
import { useReviewTexts } from './i18n.js';
import { usePageImage } from './page-images.js';
import type { ReviewPage } from './types.js';

const ZOOM_STEPS = [0.5, 0.75, 1, 1.5, 2, 3] as const;

/** The zoom one step in or out from `zoom`. */
export function nextZoom(zoom: number, direction: 1 | -1): number {
  const i = ZOOM_STEPS.findIndex((z) => z >= zoom);
  return ZOOM_STEPS[Math.max(0, Math.min(ZOOM_STEPS.length - 1, i + direction))] ?? 1;
}

export function PagePreview(props: {
  MaHoSo: string;
  page: ReviewPage | undefined;
  componentName: string;
  zoom: number;
  onZoom: (zoom: number) => void;
  /** Drawn over the image, positioned in percent of it (e.g. where a field was read). */
  overlay?: ReactNode;
}) {
  const t = useReviewTexts();
  const { page, zoom } = props;
  const url = usePageImage(props.MaHoSo, page?.id, page?.version, 'preview');
  if (!page) {
    return (
      <aside className="review-preview" aria-label={t('preview')}>
        <p className="muted">{t('noSelection')}</p>
      </aside>
    );
  }
  const step = (direction: 1 | -1) => props.onZoom(nextZoom(zoom, direction));

  return (
    <aside className="review-preview" aria-label={t('preview')}>
      <div
        className="review-zoom"
        role="group"
        aria-label={t('zoomLevel', { percent: Math.round(zoom * 100) })}
      >
        <button type="button" onClick={() => step(-1)} aria-keyshortcuts="-" title={t('zoomOut')}>
          −<span className="visually-hidden">{t('zoomOut')}</span>
        </button>
        <output>{Math.round(zoom * 100)}%</output>
        <button type="button" onClick={() => step(1)} aria-keyshortcuts="+" title={t('zoomIn')}>
          +<span className="visually-hidden">{t('zoomIn')}</span>
        </button>
        <button type="button" onClick={() => props.onZoom(1)}>
          {t('zoomFit')}
        </button>
      </div>
      <div className="review-preview-body">
        <div
          className="review-preview-image"
          tabIndex={0}
          aria-label={t('previewOf', { n: page.index + 1, component: props.componentName })}
        >
          {url && (
            <div style={{ position: 'relative', width: `${zoom * 100}%` }}>
              <img
                src={url}
                alt={t('previewOf', { n: page.index + 1, component: props.componentName })}
                style={{ width: '100%' }}
              />
              {props.overlay}
            </div>
          )}
        </div>
        <PageText MaHoSo={props.MaHoSo} page={page} />
      </div>
    </aside>
  );
}

function PageText(props: { MaHoSo: string; page: ReviewPage }) {
  const t = useReviewTexts();
  // OCR text changes only when the pipeline reads the page (again)
  const text = useApiQuery('pages.text', { MaHoSo: props.MaHoSo, pageId: props.page.id }, [
    'pipeline.pageProcessed',
  ]);
  return (
    <section className="review-ocr" aria-labelledby="review-ocr-title">
      <h3 id="review-ocr-title">
        {t('ocrText')}
        {text.state === 'ok' && text.data.confidence !== undefined && (
          <span className={props.page.lowConfidence ? 'review-flag' : 'muted'}>
            {' '}
            · {t('ocrConfidence', { percent: Math.round(text.data.confidence * 100) })}
          </span>
        )}
      </h3>
      {text.state === 'ok' &&
        (text.data.text === undefined ? (
          <p className="muted">{t('ocrPending')}</p>
        ) : text.data.text.trim() === '' ? (
          <p className="muted">{t('ocrEmpty')}</p>
        ) : (
          <pre lang="vi" className="review-ocr-text">
            {text.data.text}
          </pre>
        ))}
    </section>
  );
}
