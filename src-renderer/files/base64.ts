/**
 * Files cross the API as base64 (the same over Electron IPC and HTTP). The page shows and
 * downloads them through blob: URLs, the only non-self source its Content-Security-Policy allows.
 */
export function base64ToBlob(base64: string, mime: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

/** Reads a file the clerk picked as base64 (without the data: prefix). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** Opens a file in a new tab (PDF viewer, image) and offers it for download under `name`. */
export function openFile(blob: Blob, name: string, mode: 'open' | 'download'): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  if (mode === 'download') a.download = name;
  else a.target = '_blank';
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // the new tab or the download has taken the blob by then
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
