/** The box a field was read from, drawn over the page preview it belongs to. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { displayValue } from './names.js';
import type { ExtractedField } from './types.js';

export function FieldHighlight(props: {
  field: ExtractedField | undefined;
  /** The page the preview shows: the box is drawn only on its processed image. */
  page: { id: number; processing: string } | undefined;
}) {
  const { t } = useTranslation();
  const mark = useRef<HTMLDivElement>(null);
  const { field, page } = props;
  const shown =
    field?.image && page && page.id === field.pageId && page.processing === 'done'
      ? { field, image: field.image }
      : undefined;
  useEffect(() => {
    // bring the box into the zoomed preview's view
    mark.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [shown?.field.id]);
  if (!shown) return null;
  const [x0, y0, x1, y1] = shown.field.box;
  const { width, height } = shown.image;
  const percent = (v: number, of: number) => `${(v / of) * 100}%`;
  return (
    <div
      ref={mark}
      className="fields-box"
      role="img"
      aria-label={t('fields.boxLabel', { value: displayValue(shown.field) })}
      data-field-id={shown.field.id}
      style={{
        left: percent(x0, width),
        top: percent(y0, height),
        width: percent(x1 - x0, width),
        height: percent(y1 - y0, height),
      }}
    />
  );
}
