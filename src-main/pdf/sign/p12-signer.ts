/**
 * Signer over a PKCS#12 (.p12/.pfx) file. The password is only used to decrypt the file in
 * memory; it is never written, logged or kept in an error.
 */
import { createPrivateKey, sign as rsaSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import forge from 'node-forge';
import { AppError } from '../../domain/index.js';
import { asn1 } from '../verify/index.js';
import type { Signer } from './signer.js';
import { rsaSignatureLength } from './signer.js';

function unreadable(cause: unknown): AppError {
  return new AppError(
    'P12_INVALID',
    {
      vi: 'Tệp PKCS#12 (.p12/.pfx) không đọc được.',
      en: 'The PKCS#12 (.p12/.pfx) file cannot be read.',
    },
    { cause },
  );
}

// PKCS#12 bag types (RFC 7292 §4.2); node-forge's typings leave its oid table untyped.
const bagType = {
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
} as const;

export function openP12Signer(file: Buffer, password: string): Signer {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const der = asn1.parseDer(file);
    try {
      p12 = forge.pkcs12.pkcs12FromAsn1(der, false, password);
    } catch (cause) {
      const wrongPassword =
        cause instanceof Error && /password|mac could not be verified/i.test(cause.message);
      if (!wrongPassword) throw unreadable(cause);
      throw new AppError('WRONG_PASSWORD', {
        vi: 'Mật khẩu của tệp chứng thư số (.p12) không đúng.',
        en: 'Wrong password for the certificate file (.p12).',
      });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable(error);
  }
  const keyBags = [
    ...(p12.getBags({ bagType: bagType.shroudedKeyBag })[bagType.shroudedKeyBag] ?? []),
    ...(p12.getBags({ bagType: bagType.keyBag })[bagType.keyBag] ?? []),
  ];
  const certBags = p12.getBags({ bagType: bagType.certBag })[bagType.certBag] ?? [];
  const key = keyBags.find((bag) => bag.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) {
    throw new AppError('P12_NO_KEY', {
      vi: 'Tệp .p12 không chứa khóa bí mật RSA.',
      en: 'The .p12 file holds no RSA private key.',
    });
  }
  const certificates = certBags.flatMap((bag) =>
    bag.cert
      ? [asn1.fromBinary(forge.asn1.toDer(forge.pki.certificateToAsn1(bag.cert)).getBytes())]
      : [],
  );
  const own = certBags.findIndex((bag) => {
    const pub = bag.cert?.publicKey as forge.pki.rsa.PublicKey | undefined;
    return pub?.n !== undefined && pub.n.equals(key.n) && pub.e.equals(key.e);
  });
  const certificate = certificates[own];
  if (!certificate) {
    throw new AppError('P12_NO_CERTIFICATE', {
      vi: 'Tệp .p12 không chứa chứng thư của khóa bí mật.',
      en: "The .p12 file does not hold the private key's certificate.",
    });
  }
  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(key));
  return {
    certificate,
    otherCertificates: certificates.filter((_, i) => i !== own),
    signatureLength: rsaSignatureLength(certificate),
    sign: (data) => Promise.resolve(rsaSign('sha256', data, privateKey)),
    close: () => undefined,
  };
}

/** Reads the .p12/.pfx file at `path` and opens it. */
export function openP12SignerFile(path: string, password: string): Signer {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (cause) {
    throw new AppError(
      'IO',
      {
        vi: `Không đọc được tệp chứng thư "${path}".`,
        en: `Cannot read the certificate file "${path}".`,
      },
      { cause, details: { path } },
    );
  }
  return openP12Signer(file, password);
}
