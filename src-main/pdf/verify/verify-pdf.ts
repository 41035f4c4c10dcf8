/**
 * Verification of every signature in a PDF: integrity (the digest over the byte ranges and the
 * CMS signature), who signed and when, the chain against the trust store at the signing time,
 * and any RFC 3161 timestamp. Revocation needs the network (OCSP/CRL), which a counter often
 * lacks, so it is reported as not checked rather than guessed.
 */
import { X509Certificate, createHash } from 'node:crypto';
import type { LocalizedMessage } from '../../domain/index.js';
import { OID, digestNameByOid, encodeDer } from './asn1.js';
import { buildChain } from './chain.js';
import type { ChainStatus } from './chain.js';
import { checkSignature, parseSignedData } from './cms.js';
import { findSignatures, loadPdf } from './pdf-signatures.js';
import type { PdfSignature } from './pdf-signatures.js';
import { checkTimestampToken } from './timestamp-token.js';
import { loadTrustStore, trustStoreDirs } from './trust-store.js';
import type { TrustStore } from './trust-store.js';

export type SignatureStatus = 'valid' | 'untrusted' | 'invalid';

export interface CertificateSummary {
  subject: string;
  issuer: string;
  serialNumber: string;
  validFrom: string;
  validTo: string;
}

export interface SignatureReport {
  fieldName: string;
  subFilter: string | undefined;
  status: SignatureStatus;
  /** Digest over the byte ranges and the CMS signature both hold. */
  intact: boolean;
  /** The signature covers the whole file (false for earlier signatures of a multi-signed file). */
  coversWholeDocument: boolean;
  signer: CertificateSummary | undefined;
  signingTime: string | undefined;
  signingTimeSource: 'timestamp' | 'signed-attribute' | 'signature-dictionary' | undefined;
  reason: string | undefined;
  chain: { status: ChainStatus; certificates: string[]; anchor: string | undefined };
  timestamp:
    | { intact: boolean; time: string | undefined; tsa: string | undefined; chain: ChainStatus }
    | undefined;
  revocation: 'not-checked-offline';
  problems: LocalizedMessage[];
}

export interface VerificationReport {
  signatures: SignatureReport[];
  /** True when there is at least one signature and every one is valid. */
  valid: boolean;
}

export interface VerifyOptions {
  /** Extra trust-store folders besides the shipped one and SOHOA_TRUST_DIR. */
  trustDirs?: readonly string[];
}

function oneLine(dn: string): string {
  return dn.replace(/\n/g, ', ');
}

function summary(cert: X509Certificate): CertificateSummary {
  return {
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    serialNumber: cert.serialNumber,
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
  };
}

/** Byte ranges must be [0, a, b, c] with the gap exactly the /Contents hex string. */
function rangeProblem(bytes: Uint8Array, sig: PdfSignature): LocalizedMessage | undefined {
  const [start, length1, offset2, length2] = sig.byteRange;
  const wellFormed =
    sig.byteRange.length === 4 &&
    sig.byteRange.every((n) => Number.isSafeInteger(n) && n >= 0) &&
    start === 0 &&
    offset2 !== undefined &&
    length1 !== undefined &&
    length2 !== undefined &&
    offset2 > length1 &&
    offset2 + length2 <= bytes.length;
  if (!wellFormed) return { vi: 'ByteRange không hợp lệ.', en: 'The ByteRange is malformed.' };
  const gap = Buffer.from(bytes.subarray(length1, offset2)).toString('latin1');
  if (
    !/^<[0-9A-Fa-f\s]*>$/.test(gap) ||
    Buffer.from(gap.slice(1, -1).replace(/\s/g, ''), 'hex').compare(sig.contents) !== 0
  ) {
    return {
      vi: 'Vùng không được ký không phải đúng là nội dung chữ ký.',
      en: 'The unsigned gap is not exactly the signature contents.',
    };
  }
  return undefined;
}

function emptyReport(
  bytes: Uint8Array,
  sig: PdfSignature,
  problems: LocalizedMessage[],
): SignatureReport {
  const [, , offset2 = 0, length2 = 0] = sig.byteRange;
  return {
    fieldName: sig.fieldName,
    subFilter: sig.subFilter,
    status: 'invalid',
    intact: false,
    coversWholeDocument: offset2 + length2 === bytes.length,
    signer: undefined,
    signingTime: undefined,
    signingTimeSource: undefined,
    reason: sig.reason,
    chain: { status: 'untrusted', certificates: [], anchor: undefined },
    timestamp: undefined,
    revocation: 'not-checked-offline',
    problems,
  };
}

/** A damaged signature is reported as invalid; it never stops the other signatures' checks. */
function checkOneSafely(bytes: Uint8Array, sig: PdfSignature, store: TrustStore): SignatureReport {
  try {
    return checkOne(bytes, sig, store);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return emptyReport(bytes, sig, [
      { vi: `Không kiểm tra được chữ ký: ${why}`, en: `The signature cannot be checked: ${why}` },
    ]);
  }
}

function checkOne(bytes: Uint8Array, sig: PdfSignature, store: TrustStore): SignatureReport {
  const problems: LocalizedMessage[] = [];
  const [, length1 = 0, offset2 = 0, length2 = 0] = sig.byteRange;
  const report = emptyReport(bytes, sig, problems);
  const badRange = rangeProblem(bytes, sig);
  if (badRange) {
    problems.push(badRange);
    return report;
  }
  let cms;
  try {
    cms = parseSignedData(sig.contents);
  } catch (error) {
    problems.push({
      vi: 'Không đọc được khối chữ ký CMS.',
      en: `The CMS signature cannot be read: ${String(error)}`,
    });
    return report;
  }
  const digestName = digestNameByOid[cms.signer.digestAlgorithm];
  if (!digestName) {
    problems.push({ vi: 'Thuật toán băm không được hỗ trợ.', en: 'Unsupported digest algorithm.' });
    return report;
  }
  const digest = createHash(digestName)
    .update(bytes.subarray(0, length1))
    .update(bytes.subarray(offset2, offset2 + length2))
    .digest();
  const check = checkSignature(cms, digest, digestName);
  report.intact = check.intact;
  if (check.problem) problems.push(check.problem);
  if (check.signerCertificate) report.signer = summary(check.signerCertificate);

  let signingTime = check.claimedSigningTime;
  report.signingTimeSource = signingTime ? 'signed-attribute' : undefined;
  const token = cms.signer.unsignedAttributes.get(OID.timeStampToken)?.[0];
  if (token) {
    const stamp = checkTimestampToken(encodeDer(token), cms.signer.signature);
    const tsaChain = stamp.tsaCertificate
      ? buildChain(
          stamp.tsaCertificate,
          stamp.certificates.map((c) => new X509Certificate(c)),
          store,
          stamp.time ?? new Date(),
        )
      : undefined;
    report.timestamp = {
      intact: stamp.intact,
      time: stamp.time?.toISOString(),
      tsa: stamp.tsaCertificate ? oneLine(stamp.tsaCertificate.subject) : undefined,
      chain: tsaChain?.status ?? 'invalid',
    };
    if (stamp.problem) problems.push(stamp.problem);
    if (stamp.intact && stamp.time) {
      signingTime = stamp.time;
      report.signingTimeSource = 'timestamp';
    }
  }
  if (!signingTime && sig.dictionaryTime) {
    signingTime = sig.dictionaryTime;
    report.signingTimeSource = 'signature-dictionary';
  }
  report.signingTime = signingTime?.toISOString();

  if (check.signerCertificate) {
    const chain = buildChain(
      check.signerCertificate,
      cms.certificates.map((c) => new X509Certificate(c)),
      store,
      signingTime ?? new Date(),
    );
    report.chain = {
      status: chain.status,
      certificates: chain.path.map((c) => oneLine(c.subject)),
      anchor: chain.anchor ? oneLine(chain.anchor.subject) : undefined,
    };
    if (chain.problem) problems.push(chain.problem);
  }
  const timestampBroken = report.timestamp !== undefined && !report.timestamp.intact;
  if (!report.intact || report.chain.status === 'invalid' || timestampBroken)
    report.status = 'invalid';
  else report.status = report.chain.status === 'trusted' ? 'valid' : 'untrusted';
  return report;
}

export async function verifyPdf(
  bytes: Uint8Array,
  options: VerifyOptions = {},
): Promise<VerificationReport> {
  const doc = await loadPdf(bytes);
  const store = loadTrustStore(trustStoreDirs(options.trustDirs));
  const signatures = findSignatures(doc).map((sig) => checkOneSafely(bytes, sig, store));
  return {
    signatures,
    valid: signatures.length > 0 && signatures.every((s) => s.status === 'valid'),
  };
}
