/**
 * Certificate path building: from the signer up through the certificates at hand to an anchor of
 * the trust store, checking each link's signature, CA flag and validity at a given moment (the
 * signing time for verification, now for signing).
 */
import type { X509Certificate } from 'node:crypto';
import type { LocalizedMessage } from '../../domain/index.js';
import type { TrustStore } from './trust-store.js';

export type ChainStatus = 'trusted' | 'untrusted' | 'invalid';

export interface ChainResult {
  status: ChainStatus;
  /** Signer first, then each issuer found, ending at the anchor when trusted. */
  path: X509Certificate[];
  anchor: X509Certificate | undefined;
  problem: LocalizedMessage | undefined;
}

const maxDepth = 10;

function issues(issuer: X509Certificate, subject: X509Certificate): boolean {
  try {
    return subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

export function validAt(cert: X509Certificate, at: Date): boolean {
  return new Date(cert.validFrom) <= at && at <= new Date(cert.validTo);
}

export function buildChain(
  leaf: X509Certificate,
  available: readonly X509Certificate[],
  store: TrustStore,
  at: Date,
): ChainResult {
  const path = [leaf];
  const isAnchor = (cert: X509Certificate) =>
    store.anchors.some((a) => a.fingerprint256 === cert.fingerprint256);
  let anchor: X509Certificate | undefined;
  let problem: LocalizedMessage | undefined;
  for (let current = leaf; path.length <= maxDepth;) {
    if (isAnchor(current)) {
      anchor = current;
      break;
    }
    const trustedIssuer = store.anchors.find((a) => issues(a, current));
    if (trustedIssuer) {
      anchor = trustedIssuer;
      path.push(trustedIssuer);
      break;
    }
    const next = available.find((c) => !path.includes(c) && issues(c, current));
    if (!next) {
      problem = current.checkIssued(current)
        ? {
            vi: `Chứng thư gốc "${current.subject.replace(/\n/g, ', ')}" không có trong kho tin cậy.`,
            en: `The root certificate "${current.subject.replace(/\n/g, ', ')}" is not in the trust store.`,
          }
        : {
            vi: `Không tìm thấy chứng thư của tổ chức cấp "${current.issuer.replace(/\n/g, ', ')}".`,
            en: `The issuer certificate "${current.issuer.replace(/\n/g, ', ')}" was not found.`,
          };
      break;
    }
    path.push(next);
    current = next;
  }
  if (!anchor) {
    return {
      status: 'untrusted',
      path,
      anchor,
      problem: problem ?? {
        vi: 'Chuỗi chứng thư quá dài.',
        en: 'The certificate chain is too long.',
      },
    };
  }
  for (const [index, cert] of path.entries()) {
    if (index > 0 && !cert.ca) {
      return {
        status: 'invalid',
        path,
        anchor,
        problem: {
          vi: 'Một chứng thư trung gian không phải của CA.',
          en: 'An issuing certificate is not a CA.',
        },
      };
    }
    if (!validAt(cert, at)) {
      return {
        status: 'invalid',
        path,
        anchor,
        problem: {
          vi: `Chứng thư "${cert.subject.replace(/\n/g, ', ')}" không còn hiệu lực tại ${at.toISOString()}.`,
          en: `The certificate "${cert.subject.replace(/\n/g, ', ')}" was not valid at ${at.toISOString()}.`,
        },
      };
    }
  }
  return { status: 'trusted', path, anchor, problem: undefined };
}
