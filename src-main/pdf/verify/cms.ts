/**
 * Reading and checking a CMS SignedData (RFC 5652) as PDF signatures and RFC 3161 timestamp
 * tokens carry it: which certificate signed, what the signed attributes claim, and whether the
 * signature over those attributes holds. Certificates are kept as their original DER so that
 * nothing is re-encoded between the file and the check.
 */
import { X509Certificate, verify as verifySignature } from 'node:crypto';
import { AppError } from '../../domain/index.js';
import type { Asn1 } from './asn1.js';
import {
  Class,
  OID,
  Type,
  children,
  encodeDer,
  parseDer,
  primitiveBytes,
  readOid,
  readTime,
} from './asn1.js';

export interface SignerInfo {
  /** DER of the issuer Name and the raw serial number bytes (IssuerAndSerialNumber). */
  issuerDer: Buffer;
  serial: Buffer;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  signature: Buffer;
  /** The signed attributes re-tagged as the SET OF that was signed; undefined when absent. */
  signedAttributesDer: Buffer | undefined;
  signedAttributes: Map<string, Asn1[]>;
  unsignedAttributes: Map<string, Asn1[]>;
}

export interface SignedData {
  certificates: Buffer[];
  contentType: string;
  /** The encapsulated content (timestamp tokens); undefined for detached PDF signatures. */
  content: Buffer | undefined;
  signer: SignerInfo;
}

function invalid(what: string, details?: Record<string, unknown>): AppError {
  return new AppError(
    'SIGNATURE_MALFORMED',
    { vi: `Chữ ký số không đọc được: ${what}.`, en: `The signature cannot be read: ${what}.` },
    details ? { details } : {},
  );
}

function attributeMap(set: Asn1 | undefined): Map<string, Asn1[]> {
  const map = new Map<string, Asn1[]>();
  for (const attribute of children(set)) {
    const [type, values] = children(attribute);
    const id = readOid(type);
    if (id) map.set(id, children(values));
  }
  return map;
}

function parseSignerInfo(node: Asn1): SignerInfo {
  const parts = children(node);
  const [, sid, digestAlg] = parts;
  if (!sid || sid.tagClass !== Class.UNIVERSAL)
    throw invalid('signer identified by key id (unsupported)');
  const [issuer, serial] = children(sid);
  let index = 3;
  let signedAttrsNode: Asn1 | undefined;
  if (parts[index]?.tagClass === Class.CONTEXT_SPECIFIC && parts[index]?.type === 0) {
    signedAttrsNode = parts[index];
    index += 1;
  }
  const signatureAlg = parts[index];
  const signature = primitiveBytes(parts[index + 1]);
  const unsigned = parts[index + 2];
  const digestAlgorithm = readOid(children(digestAlg)[0]);
  const signatureAlgorithm = readOid(children(signatureAlg)[0]);
  const serialBytes = primitiveBytes(serial);
  if (!issuer || !serialBytes || !digestAlgorithm || !signatureAlgorithm || !signature) {
    throw invalid('incomplete SignerInfo');
  }
  let signedAttributesDer: Buffer | undefined;
  if (signedAttrsNode) {
    // The signature covers the attributes as a universal SET (tag 0x31), not as [0] IMPLICIT.
    signedAttributesDer = encodeDer(signedAttrsNode);
    signedAttributesDer[0] = 0x31;
  }
  return {
    issuerDer: encodeDer(issuer),
    serial: serialBytes,
    digestAlgorithm,
    signatureAlgorithm,
    signature,
    signedAttributesDer,
    signedAttributes: attributeMap(signedAttrsNode),
    unsignedAttributes: attributeMap(unsigned),
  };
}

export function parseSignedData(der: Uint8Array): SignedData {
  let root: Asn1;
  try {
    root = parseDer(der);
  } catch (cause) {
    throw invalid('not DER-encoded CMS', { cause: String(cause) });
  }
  const [contentType, wrapped] = children(root);
  if (readOid(contentType) !== OID.signedData) throw invalid('not a CMS SignedData');
  const signedData = children(wrapped)[0];
  const parts = children(signedData);
  const encap = children(parts[2]);
  const eContentType = readOid(encap[0]);
  const eContent = primitiveBytes(children(encap[1])[0]);
  const certificates: Buffer[] = [];
  let signerInfos: Asn1 | undefined;
  for (const part of parts.slice(3)) {
    if (part.tagClass === Class.CONTEXT_SPECIFIC && part.type === 0) {
      for (const cert of children(part))
        if (cert.type === Type.SEQUENCE) certificates.push(encodeDer(cert));
    } else if (part.tagClass === Class.UNIVERSAL && part.type === Type.SET) {
      signerInfos = part;
    }
  }
  const infos = children(signerInfos);
  if (!eContentType || infos.length !== 1 || !infos[0])
    throw invalid('expected exactly one SignerInfo');
  return {
    certificates,
    contentType: eContentType,
    content: eContent,
    signer: parseSignerInfo(infos[0]),
  };
}

/** Issuer Name DER and serial bytes of a certificate, read from its TBSCertificate. */
export function certificateId(certDer: Uint8Array): { issuerDer: Buffer; serial: Buffer } {
  const tbs = children(children(parseDer(certDer))[0]);
  const offset = tbs[0]?.tagClass === Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serial = primitiveBytes(tbs[offset]);
  const issuer = tbs[offset + 2];
  if (!serial || !issuer) throw invalid('certificate without issuer or serial');
  return { issuerDer: encodeDer(issuer), serial };
}

export function findSignerCertificate(data: SignedData): Buffer | undefined {
  return data.certificates.find((der) => {
    const id = certificateId(der);
    return id.serial.equals(data.signer.serial) && id.issuerDer.equals(data.signer.issuerDer);
  });
}

export interface SignatureCheck {
  /** True when the content digest matches and the signature over the attributes verifies. */
  intact: boolean;
  /** Why `intact` is false, in English and Vietnamese. */
  problem?: { vi: string; en: string };
  signerCertificate: X509Certificate | undefined;
  /** The PKCS#9 signing-time attribute, when the signer put one in. */
  claimedSigningTime: Date | undefined;
}

const supportedSignatureAlgorithms: Readonly<Record<string, boolean>> = {
  [OID.rsaEncryption]: true,
  [OID.sha256WithRsa]: true,
  '1.2.840.113549.1.1.5': true, // sha1WithRSA (old signatures; reported, not produced)
  '1.2.840.113549.1.1.12': true, // sha384WithRSA
  '1.2.840.113549.1.1.13': true, // sha512WithRSA
  '1.2.840.10045.2.1': true, // ecPublicKey
  '1.2.840.10045.4.3.2': true, // ecdsa-with-SHA256
};

/**
 * Checks the signer's signature given the digest of the signed content, computed by the caller
 * with `digestName` (the algorithm the SignerInfo names).
 */
export function checkSignature(
  data: SignedData,
  contentDigest: Buffer,
  digestName: string,
): SignatureCheck {
  const signerDer = findSignerCertificate(data);
  const signerCertificate = signerDer ? new X509Certificate(signerDer) : undefined;
  const claimedSigningTime = readTime(data.signer.signedAttributes.get(OID.signingTime)?.[0]);
  const fail = (vi: string, en: string): SignatureCheck => ({
    intact: false,
    problem: { vi, en },
    signerCertificate,
    claimedSigningTime,
  });
  if (!signerCertificate)
    return fail('Không có chứng thư của người ký.', "The signer's certificate is missing.");
  const { signedAttributesDer, signedAttributes } = data.signer;
  if (!signedAttributesDer)
    return fail('Chữ ký không có thuộc tính ký.', 'The signature has no signed attributes.');
  if (readOid(signedAttributes.get(OID.contentType)?.[0]) !== data.contentType) {
    return fail(
      'Thuộc tính content-type không khớp.',
      'The content-type attribute does not match.',
    );
  }
  const claimedDigest = primitiveBytes(signedAttributes.get(OID.messageDigest)?.[0]);
  if (!claimedDigest || !claimedDigest.equals(contentDigest)) {
    return fail(
      'Nội dung đã bị thay đổi sau khi ký (mã băm không khớp).',
      'The content was changed after signing (digest mismatch).',
    );
  }
  if (!supportedSignatureAlgorithms[data.signer.signatureAlgorithm]) {
    return fail('Thuật toán chữ ký không được hỗ trợ.', 'Unsupported signature algorithm.');
  }
  let ok = false;
  try {
    ok = verifySignature(
      digestName,
      signedAttributesDer,
      signerCertificate.publicKey,
      data.signer.signature,
    );
  } catch {
    ok = false;
  }
  if (!ok)
    return fail(
      'Chữ ký không khớp với chứng thư của người ký.',
      "The signature does not match the signer's certificate.",
    );
  return { intact: true, signerCertificate, claimedSigningTime };
}
