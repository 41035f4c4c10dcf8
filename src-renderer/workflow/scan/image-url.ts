/**
 * Page images reach the page as base64 JPEG (over IPC and HTTP alike) or as a data: URL in scan
 * events; the Content-Security-Policy allows only blob: images, so both become object URLs.
 */
import { base64ToBlob } from '../../files/index.js';

export function base64ImageUrl(base64: string, mime: string): string {
  return URL.createObjectURL(base64ToBlob(base64, mime));
}

/** `data:image/jpeg;base64,…` → a blob: URL (the caller revokes it when done). */
export function dataUrlToObjectUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  const mime = /^data:([^;,]+)/.exec(dataUrl)?.[1] ?? 'application/octet-stream';
  return base64ImageUrl(dataUrl.slice(comma + 1), mime);
}
