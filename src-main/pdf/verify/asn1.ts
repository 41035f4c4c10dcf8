/**
 * The few ASN.1 pieces CMS signatures need, on top of node-forge's DER codec. node-forge works on
 * "binary strings" (one char per byte); the rest of SoHoa works on Buffers, so the conversions
 * live here and nowhere else.
 */
import forge from 'node-forge';

export type Asn1 = forge.asn1.Asn1;
export const { Class, Type } = forge.asn1;

/** Object identifiers used by PDF signatures (RFC 5652, RFC 5035, RFC 3161, PKCS#9). */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  sha1: '1.3.14.3.2.26',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  keyUsage: '2.5.29.15',
} as const;

/** Node's hash names for the digest algorithms a verifier accepts. */
export const digestNameByOid: Readonly<Record<string, string>> = {
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
  [OID.sha1]: 'sha1',
};

export function toBinary(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('binary');
}

export function fromBinary(binary: string): Buffer {
  return Buffer.from(binary, 'binary');
}

export function parseDer(bytes: Uint8Array): Asn1 {
  // Trailing zeros are the unused part of a PDF /Contents placeholder, not part of the value.
  // node-forge accepts an options object at run time; its typings only know the older boolean.
  const options = { parseAllBytes: false, strict: true } as unknown as boolean;
  return forge.asn1.fromDer(toBinary(bytes), options);
}

export function encodeDer(node: Asn1): Buffer {
  return fromBinary(forge.asn1.toDer(node).getBytes());
}

export function seq(children: Asn1[]): Asn1 {
  return forge.asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, children);
}

export function set(children: Asn1[]): Asn1 {
  return forge.asn1.create(Class.UNIVERSAL, Type.SET, true, children);
}

export function oid(value: string): Asn1 {
  return forge.asn1.create(Class.UNIVERSAL, Type.OID, false, forge.asn1.oidToDer(value).getBytes());
}

export function octets(bytes: Uint8Array): Asn1 {
  return forge.asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, toBinary(bytes));
}

export function integer(value: number): Asn1 {
  return forge.asn1.create(
    Class.UNIVERSAL,
    Type.INTEGER,
    false,
    forge.asn1.integerToDer(value).getBytes(),
  );
}

export function nullValue(): Asn1 {
  return forge.asn1.create(Class.UNIVERSAL, Type.NULL, false, '');
}

/** `[n]` context-specific wrapper; `constructed` for EXPLICIT and for IMPLICIT SET/SEQUENCE. */
export function tagged(tag: number, children: Asn1[]): Asn1 {
  return forge.asn1.create(Class.CONTEXT_SPECIFIC, tag, true, children);
}

export function algorithm(oidValue: string, withNullParameters = false): Asn1 {
  return seq(withNullParameters ? [oid(oidValue), nullValue()] : [oid(oidValue)]);
}

export function readOid(node: Asn1 | undefined): string | undefined {
  if (!node || node.type !== Type.OID || typeof node.value !== 'string') return undefined;
  return forge.asn1.derToOid(node.value);
}

export function children(node: Asn1 | undefined): Asn1[] {
  return node && Array.isArray(node.value) ? node.value : [];
}

export function primitiveBytes(node: Asn1 | undefined): Buffer | undefined {
  return node && typeof node.value === 'string' ? fromBinary(node.value) : undefined;
}

/** DER requires the members of a SET OF in ascending order of their encodings (X.690 11.6). */
export function sortedSetOf(members: Asn1[]): Asn1 {
  const encoded = members.map((m) => ({ m, der: encodeDer(m) }));
  encoded.sort((a, b) => Buffer.compare(a.der, b.der));
  return set(encoded.map((e) => e.m));
}

export function utcTime(date: Date): Asn1 {
  return forge.asn1.create(Class.UNIVERSAL, Type.UTCTIME, false, forge.asn1.dateToUtcTime(date));
}

export function generalizedTime(date: Date): Asn1 {
  return forge.asn1.create(
    Class.UNIVERSAL,
    Type.GENERALIZEDTIME,
    false,
    forge.asn1.dateToGeneralizedTime(date),
  );
}

export function readTime(node: Asn1 | undefined): Date | undefined {
  if (!node || typeof node.value !== 'string') return undefined;
  if (node.type === Type.UTCTIME) return forge.asn1.utcTimeToDate(node.value);
  if (node.type === Type.GENERALIZEDTIME) return forge.asn1.generalizedTimeToDate(node.value);
  return undefined;
}
