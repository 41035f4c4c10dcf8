/**
 * One document's searchable PDF from its processed pages: each page's processed image (the
 * pipeline's output, ≥ 200 dpi or flagged) with its OCR text layer, and the dossier's metadata.
 * The pages key names exactly what a PDF was built from, so a resumed or repeated finish keeps a
 * PDF whose pages are unchanged and rebuilds one whose pages were turned, re-run or removed.
 */
import { createHash } from 'node:crypto';
import { assemblePdf } from '../../pdf/index.js';
import type { PdfMetadata } from '../../pdf/index.js';
import type { PipelineService } from '../pipeline/index.js';

export function pagesKey(pipeline: PipelineService, pageIds: readonly number[]): string {
  const parts = pageIds.map((id) => {
    const record = pipeline.page(id);
    return [id, record.processed?.sha256 ?? '', record.ocrConfidence ?? ''];
  });
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export async function documentPdf(
  pipeline: PipelineService,
  pageIds: readonly number[],
  metadata: PdfMetadata,
): Promise<Uint8Array> {
  const pages = pageIds.map((id) => {
    const { record, bytes, textLayer } = pipeline.processedImage(id);
    return { image: bytes, dpi: record.processed.dpi, ...(textLayer ? { ocr: textLayer } : {}) };
  });
  return (await assemblePdf(pages, { metadata })).bytes;
}
