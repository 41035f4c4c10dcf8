/**
 * Page images reach the page as base64 JPEG (over IPC and HTTP alike) or as a data: URL in scan
 * events; the Content-Security-Policy allows only blob: images, so both become object URLs.
 */
export function base64ImageUrl(base64: string, mime: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: mime }));
}

/** `data:image/jpeg;base64,…` → a blob: URL (the caller revokes it when done). */
export function dataUrlToObjectUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  const mime = /^data:([^;,]+)/.exec(dataUrl)?.[1] ?? 'application/octet-stream';
  return base64ImageUrl(dataUrl.slice(comma + 1), mime);
}
