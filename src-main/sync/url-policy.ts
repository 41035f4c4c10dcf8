/**
 * Dossiers carry citizens' identity data, so they travel over TLS. Plain http:// is accepted
 * only for loopback (the embedded reference gateway on the same machine).
 */
import { isIP } from 'node:net';
import { AppError } from '../domain/index.js';

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1';
  return false;
}

/** The gateway base URL without a trailing slash; throws on anything but https or loopback http. */
export function checkGatewayUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new AppError(
      'VALIDATION',
      { vi: `Địa chỉ cổng kết nối không hợp lệ: ${raw}`, en: `Invalid gateway URL: ${raw}` },
      { cause, details: { url: raw } },
    );
  }
  const loopback = isLoopback(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new AppError(
      'VALIDATION',
      {
        vi: `Cổng kết nối phải dùng https:// (http:// chỉ được dùng cho máy cục bộ): ${raw}`,
        en: `The gateway must use https:// (plain http:// is allowed only for loopback): ${raw}`,
      },
      { details: { url: raw } },
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new AppError(
      'VALIDATION',
      {
        vi: `Địa chỉ cổng kết nối không được chứa tài khoản, tham số hay #: ${raw}`,
        en: `The gateway URL must not carry credentials, a query or a fragment: ${raw}`,
      },
      { details: { url: raw } },
    );
  }
  return url.href.replace(/\/+$/, '');
}

export function isLoopbackUrl(raw: string): boolean {
  return isLoopback(new URL(raw).hostname);
}
