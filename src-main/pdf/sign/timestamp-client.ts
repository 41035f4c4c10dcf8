/**
 * RFC 3161 client: asks a time-stamping authority to timestamp a signature value, over HTTP
 * (RFC 3161 §3.4). The token is checked (imprint, nonce, TSA signature) before it goes in a PDF.
 */
import { createHash, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { AppError } from '../../domain/index.js';
import { asn1, checkTimestampToken } from '../verify/index.js';

const {
  OID,
  Type,
  algorithm,
  children,
  encodeDer,
  integer,
  octets,
  parseDer,
  primitiveBytes,
  seq,
} = asn1;

export interface TimestampOptions {
  url: string;
  /** Abort after this many milliseconds (default 15 s). */
  timeoutMs?: number;
}

/** A random 64-bit nonce whose DER INTEGER encoding is exactly its bytes (positive, minimal). */
function randomNonce(): Buffer {
  const nonce = randomBytes(8);
  nonce[0] = ((nonce[0] ?? 0) & 0x7f) | 0x40;
  return nonce;
}

function tsaError(
  vi: string,
  en: string,
  details: Record<string, unknown>,
  cause?: unknown,
): AppError {
  return new AppError('TSA_FAILED', { vi, en }, { details, cause });
}

/** Returns the DER timeStampToken (a ContentInfo) for `data`. */
export async function requestTimestamp(data: Buffer, options: TimestampOptions): Promise<Buffer> {
  const nonce = randomNonce();
  const request = encodeDer(
    seq([
      integer(1),
      seq([algorithm(OID.sha256, true), octets(createHash('sha256').update(data).digest())]),
      forge.asn1.create(asn1.Class.UNIVERSAL, Type.INTEGER, false, asn1.toBinary(nonce)),
      forge.asn1.create(asn1.Class.UNIVERSAL, Type.BOOLEAN, false, '\xff'), // certReq: include the TSA certificate
    ]),
  );
  let body: Buffer;
  try {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: new Uint8Array(request),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    if (!response.ok) {
      throw tsaError(
        `Máy chủ dấu thời gian trả lỗi HTTP ${response.status}.`,
        `The timestamp server answered HTTP ${response.status}.`,
        { url: options.url, status: response.status },
      );
    }
    body = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'TSA_UNAVAILABLE',
      {
        vi: 'Không kết nối được máy chủ dấu thời gian.',
        en: 'The timestamp server cannot be reached.',
      },
      { details: { url: options.url }, cause: error },
    );
  }
  let status: number | undefined;
  let token: asn1.Asn1 | undefined;
  try {
    const [statusInfo, tokenNode] = children(parseDer(body));
    status = primitiveBytes(children(statusInfo)[0])?.readUIntBE(0, 1);
    token = tokenNode;
  } catch (cause) {
    throw tsaError(
      'Phản hồi dấu thời gian không hợp lệ.',
      'The timestamp response is malformed.',
      { url: options.url },
      cause,
    );
  }
  // PKIStatus 0 = granted, 1 = grantedWithMods (RFC 3161 §2.4.2).
  if ((status !== 0 && status !== 1) || !token) {
    throw tsaError(
      'Máy chủ dấu thời gian từ chối yêu cầu.',
      'The timestamp server refused the request.',
      {
        url: options.url,
        status,
      },
    );
  }
  const tokenDer = encodeDer(token);
  const check = checkTimestampToken(tokenDer, data);
  if (!check.intact) {
    throw tsaError(
      'Dấu thời gian nhận được không hợp lệ.',
      `The timestamp token is invalid: ${check.problem?.en ?? ''}`,
      {
        url: options.url,
      },
    );
  }
  if (!tokenNonce(tokenDer)?.equals(nonce)) {
    throw tsaError(
      'Dấu thời gian không khớp yêu cầu (nonce).',
      'The timestamp answers another request (nonce).',
      {
        url: options.url,
      },
    );
  }
  return tokenDer;
}

/** The nonce of a token's TSTInfo: the INTEGER after genTime (RFC 3161 §2.4.2). */
function tokenNonce(tokenDer: Buffer): Buffer | undefined {
  const signedData = children(children(parseDer(tokenDer))[1])[0];
  const eContent = primitiveBytes(children(children(children(signedData)[2])[1])[0]);
  if (!eContent) return undefined;
  const fields = children(parseDer(eContent)).slice(5);
  return primitiveBytes(
    fields.find((f) => f.tagClass === asn1.Class.UNIVERSAL && f.type === Type.INTEGER),
  );
}
