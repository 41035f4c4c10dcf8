/**
 * A signer is whatever holds the private key: a PKCS#12 file or a PKCS#11 token. The signing
 * code never sees the key; it hands the signer the DER of the signed attributes and gets back
 * an RSASSA-PKCS1-v1_5 / SHA-256 signature.
 */
import { X509Certificate } from 'node:crypto';
import { AppError } from '../../domain/index.js';
import { asn1, validAt } from '../verify/index.js';

export interface Signer {
  /** DER of the signer's certificate. */
  readonly certificate: Buffer;
  /** Other certificates the key store holds (possible issuers), DER. */
  readonly otherCertificates: readonly Buffer[];
  /** Length of a signature in bytes (the RSA modulus length). */
  readonly signatureLength: number;
  /** Signs `data` (hashing it with SHA-256 first) and returns the raw signature value. */
  sign(data: Buffer): Promise<Buffer>;
  /** Releases the key store (logs out of a token). Safe to call twice. */
  close(): void;
}

/** The keyUsage extension's first byte, or undefined when the certificate has none. */
function keyUsageBits(certDer: Buffer): number | undefined {
  const { Class, OID, children, parseDer, primitiveBytes, readOid } = asn1;
  const tbs = children(children(parseDer(certDer))[0]);
  const extensions = tbs.find((n) => n.tagClass === Class.CONTEXT_SPECIFIC && n.type === 3);
  for (const extension of children(children(extensions)[0])) {
    const parts = children(extension);
    if (readOid(parts[0]) !== OID.keyUsage) continue;
    // extnValue holds a DER BIT STRING: tag 03, length, the unused-bit count, then the flags.
    const value = primitiveBytes(parts[parts.length - 1]);
    return value && value[0] === 0x03 && value.length >= 4 ? (value[3] ?? 0) : 0;
  }
  return undefined;
}

const digitalSignatureBit = 0x80;

function subjectName(cert: X509Certificate): string {
  return cert.subject.replace(/\n/g, ', ');
}

/**
 * Refuses certificates that would produce a signature no verifier accepts: outside their
 * validity period, or whose key usage excludes digital signatures.
 */
export function assertCertificateCanSign(certDer: Buffer, at: Date): void {
  const cert = new X509Certificate(certDer);
  const details = { subject: subjectName(cert), validFrom: cert.validFrom, validTo: cert.validTo };
  if (!validAt(cert, at)) {
    const expired = at > new Date(cert.validTo);
    throw new AppError(
      expired ? 'CERTIFICATE_EXPIRED' : 'CERTIFICATE_NOT_YET_VALID',
      expired
        ? {
            vi: `Chứng thư số của "${subjectName(cert)}" đã hết hạn ngày ${new Date(cert.validTo).toISOString()}.`,
            en: `The certificate of "${subjectName(cert)}" expired on ${new Date(cert.validTo).toISOString()}.`,
          }
        : {
            vi: `Chứng thư số của "${subjectName(cert)}" chưa có hiệu lực (từ ${new Date(cert.validFrom).toISOString()}).`,
            en: `The certificate of "${subjectName(cert)}" is not valid before ${new Date(cert.validFrom).toISOString()}.`,
          },
      { details },
    );
  }
  const usage = keyUsageBits(certDer);
  if (usage !== undefined && (usage & digitalSignatureBit) === 0) {
    throw new AppError(
      'CERTIFICATE_USAGE',
      {
        vi: `Chứng thư số của "${subjectName(cert)}" không được phép dùng để ký số (thiếu digitalSignature).`,
        en: `The certificate of "${subjectName(cert)}" may not be used for digital signatures (no digitalSignature key usage).`,
      },
      { details },
    );
  }
  const keyType = cert.publicKey.asymmetricKeyType;
  if (keyType !== 'rsa') {
    throw new AppError(
      'CERTIFICATE_KEY_TYPE',
      {
        vi: 'Chỉ hỗ trợ khóa RSA.',
        en: `Only RSA keys are supported (this key is ${keyType ?? 'unknown'}).`,
      },
      { details },
    );
  }
}

/** The organisation (O=) named in a certificate's subject: the default copying agency. */
export function certificateOrganisation(certDer: Buffer): string | undefined {
  return /(?:^|\n)O=([^\n]+)/.exec(new X509Certificate(certDer).subject)?.[1];
}

export function rsaSignatureLength(certDer: Buffer): number {
  const bits = new X509Certificate(certDer).publicKey.asymmetricKeyDetails?.modulusLength ?? 4096;
  return Math.ceil(bits / 8);
}
