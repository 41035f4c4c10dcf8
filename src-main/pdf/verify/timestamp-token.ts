/**
 * RFC 3161 timestamp tokens: a SignedData whose content is a TSTInfo. A token proves that a
 * value (for PDF signatures: the signature value) existed at `genTime`, signed by the TSA.
 */
import { createHash } from 'node:crypto';
import type { X509Certificate } from 'node:crypto';
import type { LocalizedMessage } from '../../domain/index.js';
import {
  OID,
  children,
  digestNameByOid,
  parseDer,
  primitiveBytes,
  readOid,
  readTime,
} from './asn1.js';
import { checkSignature, parseSignedData } from './cms.js';

export interface TimestampCheck {
  intact: boolean;
  problem: LocalizedMessage | undefined;
  time: Date | undefined;
  tsaCertificate: X509Certificate | undefined;
  /** Certificates the token carries (for building the TSA's chain). */
  certificates: Buffer[];
}

/** Checks the token's own signature and that it timestamps `stamped` (its message imprint). */
export function checkTimestampToken(tokenDer: Uint8Array, stamped: Buffer): TimestampCheck {
  const token = parseSignedData(tokenDer);
  const fail = (vi: string, en: string, time?: Date): TimestampCheck => ({
    intact: false,
    problem: { vi, en },
    time,
    tsaCertificate: undefined,
    certificates: token.certificates,
  });
  if (token.contentType !== OID.tstInfo || !token.content) {
    return fail('Dấu thời gian không chứa TSTInfo.', 'The timestamp token holds no TSTInfo.');
  }
  const tst = children(parseDer(token.content));
  const [imprintAlg, imprint] = children(tst[2]);
  const time = readTime(tst[4]);
  const imprintDigest = digestNameByOid[readOid(children(imprintAlg)[0]) ?? ''];
  const hashed = primitiveBytes(imprint);
  if (
    !imprintDigest ||
    !hashed ||
    !createHash(imprintDigest).update(stamped).digest().equals(hashed)
  ) {
    return fail(
      'Dấu thời gian không khớp với chữ ký.',
      'The timestamp does not match the signature.',
      time,
    );
  }
  const digestName = digestNameByOid[token.signer.digestAlgorithm];
  if (!digestName)
    return fail(
      'Thuật toán băm của dấu thời gian không được hỗ trợ.',
      'Unsupported timestamp digest.',
      time,
    );
  const check = checkSignature(
    token,
    createHash(digestName).update(token.content).digest(),
    digestName,
  );
  return {
    intact: check.intact,
    problem: check.problem,
    time,
    tsaCertificate: check.signerCertificate,
    certificates: token.certificates,
  };
}
