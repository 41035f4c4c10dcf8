/**
 * Builds the detached CMS SignedData a PDF signature carries (RFC 5652): SHA-256, the signer's
 * chain, and signed attributes. Two profiles:
 * - adbe.pkcs7.detached: content-type, message-digest, signing-time;
 * - PAdES B-B (ETSI.CAdES.detached, ETSI EN 319 142-1): content-type, message-digest and
 *   signing-certificate-v2; the time lives in the signature dictionary's /M instead, because
 *   the baseline forbids the signing-time attribute.
 */
import { createHash } from 'node:crypto';
import { asn1 } from '../verify/index.js';
import type { Signer } from './signer.js';

const {
  OID,
  algorithm,
  encodeDer,
  integer,
  octets,
  oid,
  parseDer,
  seq,
  set,
  sortedSetOf,
  tagged,
  children,
} = asn1;

export interface CmsRequest {
  /** SHA-256 of the signed bytes (the PDF's byte ranges). */
  contentDigest: Buffer;
  /** The signer's certificate first, then its issuers (DER). */
  chain: readonly Buffer[];
  signer: Signer;
  signingTime: Date;
  pades: boolean;
  /** Returns an RFC 3161 token (DER ContentInfo) over the signature value, or undefined. */
  timestamp?: (signatureValue: Buffer) => Promise<Buffer | undefined>;
}

function attribute(type: string, value: asn1.Asn1): asn1.Asn1 {
  return seq([oid(type), set([value])]);
}

function signingCertificateV2(certDer: Buffer): asn1.Asn1 {
  // ESSCertIDv2 with the default hash (SHA-256) omitted, as DER requires (RFC 5035 §4).
  const essCertId = seq([octets(createHash('sha256').update(certDer).digest())]);
  return attribute(OID.signingCertificateV2, seq([seq([essCertId])]));
}

function signerIdentifier(certDer: Buffer): asn1.Asn1 {
  const tbs = children(children(parseDer(certDer))[0]);
  const offset = tbs[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serial = tbs[offset];
  const issuer = tbs[offset + 2];
  if (!serial || !issuer) throw new Error('certificate without issuer or serial');
  return seq([issuer, serial]);
}

export async function buildSignedData(request: CmsRequest): Promise<Buffer> {
  const [signerCert] = request.chain;
  if (!signerCert) throw new Error('empty certificate chain');
  const attributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(request.contentDigest)),
    request.pades
      ? signingCertificateV2(signerCert)
      : attribute(OID.signingTime, signingTimeValue(request.signingTime)),
  ];
  const signedAttributes = sortedSetOf(attributes);
  const signature = await request.signer.sign(encodeDer(signedAttributes));
  const token = request.timestamp ? await request.timestamp(signature) : undefined;

  const signerInfo = seq([
    integer(1),
    signerIdentifier(signerCert),
    algorithm(OID.sha256),
    tagged(0, children(signedAttributes)),
    algorithm(OID.rsaEncryption, true),
    octets(signature),
    ...(token ? [tagged(1, [attribute(OID.timeStampToken, parseDer(token))])] : []),
  ]);
  const signedData = seq([
    integer(1),
    set([algorithm(OID.sha256)]),
    seq([oid(OID.data)]),
    tagged(
      0,
      request.chain.map((der) => parseDer(der)),
    ),
    set([signerInfo]),
  ]);
  return encodeDer(seq([oid(OID.signedData), tagged(0, [signedData])]));
}

function signingTimeValue(date: Date): asn1.Asn1 {
  // RFC 5652 §11.3: UTCTime for dates 1950–2049, GeneralizedTime otherwise.
  return date.getUTCFullYear() < 2050 ? asn1.utcTime(date) : asn1.generalizedTime(date);
}
