/**
 * Signs a PDF: a new signature field (invisible, or with the electronic-copy stamp), a signature
 * dictionary with a /Contents placeholder sized for the chain, all appended as an incremental
 * update; then the digest over the byte ranges, the CMS SignedData from the signer, and the
 * CMS hex-encoded into the placeholder. Earlier revisions, and their signatures, stay as they were.
 */
import { X509Certificate, createHash } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { PDFObject, PDFRef } from 'pdf-lib';
import { PDFHexString } from 'pdf-lib';
import { AppError, isAppError } from '../../domain/index.js';
import {
  buildChain,
  checkSignature,
  formatIsoWithOffset,
  formatPdfDate,
  loadPdf,
  loadTrustStore,
  parseSignedData,
  trustStoreDirs,
} from '../verify/index.js';
import { buildSignedData } from './cms-builder.js';
import { appendUpdate, readPreviousRevision } from './incremental-update.js';
import { addSignatureField } from './signature-field.js';
import type { Signer } from './signer.js';
import { assertCertificateCanSign } from './signer.js';
import { buildStamp } from './stamp.js';
import { requestTimestamp } from './timestamp-client.js';
import type { TimestampOptions } from './timestamp-client.js';

export interface SignOptions {
  signer: Signer;
  /** PAdES baseline B-B (ETSI.CAdES.detached) instead of adbe.pkcs7.detached. */
  pades?: boolean;
  reason?: string;
  /** Draw the electronic-copy stamp naming this copying agency; no stamp when undefined. */
  stamp?: { agency: string };
  /** Ask this TSA for an RFC 3161 timestamp. Unless `required`, an unreachable TSA is skipped. */
  timestamp?: TimestampOptions & { required?: boolean };
  /** Extra trust-store folders used to complete the embedded chain. */
  trustDirs?: readonly string[];
  /** Defaults to now. */
  signingTime?: Date;
  /** Offset from UTC, in minutes, for /M and the stamp; defaults to this machine's. */
  utcOffsetMinutes?: number;
}

export interface SignResult {
  bytes: Buffer;
  fieldName: string;
  signingTime: Date;
  /** Whether the embedded chain reaches the trust store. */
  chainTrusted: boolean;
  timestamp: 'added' | 'unavailable' | 'not-requested';
  /** Bytes reserved for the CMS and bytes it took. */
  reservedBytes: number;
  signatureBytes: number;
}

// Room for the CMS structure and signed attributes around certificates and signature value.
const cmsOverhead = 2048;
// Room for an RFC 3161 token (TSA certificate chain included) when a TSA is configured.
const timestampReserve = 12_288;
const byteRangeWidth = 40;

function serialize(object: PDFObject): Buffer {
  const buffer = Buffer.alloc(object.sizeInBytes());
  object.copyBytesInto(buffer, 0);
  return buffer;
}

function signatureDictionary(options: {
  pades: boolean;
  contentsLength: number;
  time: string;
  name: string;
  reason: string | undefined;
}): { body: Buffer; byteRangeAt: number; contentsAt: number } {
  const head = [
    '<<',
    '/Type /Sig',
    '/Filter /Adobe.PPKLite',
    `/SubFilter /${options.pades ? 'ETSI.CAdES.detached' : 'adbe.pkcs7.detached'}`,
    '/ByteRange ',
  ].join('\n');
  const byteRange = `[${' '.repeat(byteRangeWidth)}]`;
  const contents = `<${'0'.repeat(options.contentsLength * 2)}>`;
  const tail = [
    '',
    `/M (${options.time})`,
    `/Name ${PDFHexString.fromText(options.name).toString()}`,
    ...(options.reason ? [`/Reason ${PDFHexString.fromText(options.reason).toString()}`] : []),
    '/Prop_Build << /App << /Name /SoHoa >> >>',
    '>>',
  ].join('\n');
  const text = `${head}${byteRange}\n/Contents ${contents}${tail}`;
  return {
    body: Buffer.from(text, 'latin1'),
    byteRangeAt: head.length,
    contentsAt: head.length + byteRange.length + '\n/Contents '.length,
  };
}

function commonName(cert: X509Certificate): string {
  return /(?:^|\n)CN=([^\n]+)/.exec(cert.subject)?.[1] ?? cert.subject.replace(/\n/g, ', ');
}

export async function signPdf(input: Uint8Array, options: SignOptions): Promise<SignResult> {
  const doc = await loadPdf(input);
  const previous = readPreviousRevision(input);
  const signingTime = options.signingTime ?? new Date();
  const offset = options.utcOffsetMinutes ?? -signingTime.getTimezoneOffset();
  const { signer } = options;
  assertCertificateCanSign(signer.certificate, signingTime);

  const leaf = new X509Certificate(signer.certificate);
  const chain = buildChain(
    leaf,
    signer.otherCertificates.map((der) => new X509Certificate(der)),
    loadTrustStore(trustStoreDirs(options.trustDirs)),
    signingTime,
  );
  if (chain.status === 'invalid') {
    throw new AppError('CHAIN_INVALID', {
      vi: `Chuỗi chứng thư số không hợp lệ: ${chain.problem?.vi ?? ''}`,
      en: `The certificate chain is invalid: ${chain.problem?.en ?? ''}`,
    });
  }
  const chainDer = chain.path.map((c) => c.raw);

  const { context } = doc;
  if (doc.getPageCount() === 0) {
    throw new AppError('PDF_NO_PAGES', {
      vi: 'Tệp PDF không có trang nào.',
      en: 'The PDF has no pages.',
    });
  }
  // Object numbers below the previous /Size may be free entries still in use by older revisions.
  context.largestObjectNumber = Math.max(context.largestObjectNumber, previous.size - 1);
  const firstNew = context.largestObjectNumber + 1;
  const signatureRef = context.nextRef();
  const page = doc.getPage(0);
  const stamp = options.stamp
    ? await buildStamp(doc, page, [
        'BẢN SAO ĐIỆN TỬ',
        `Cơ quan sao: ${options.stamp.agency}`,
        `Thời gian ký: ${formatIsoWithOffset(signingTime, offset)}`,
      ])
    : undefined;
  const { changed, fieldName } = addSignatureField(doc, page, signatureRef, stamp);

  const reservedBytes =
    chainDer.reduce((sum, der) => sum + der.length, 0) +
    signer.signatureLength +
    cmsOverhead +
    (options.timestamp ? timestampReserve : 0);
  const dictionary = signatureDictionary({
    pades: options.pades ?? false,
    contentsLength: reservedBytes,
    time: formatPdfDate(signingTime, offset),
    name: commonName(leaf),
    reason: options.reason,
  });
  const changedNumbers = new Set(changed.map((ref: PDFRef) => ref.objectNumber));
  const objects = context
    .enumerateIndirectObjects()
    .filter(([ref]) => ref.objectNumber >= firstNew || changedNumbers.has(ref.objectNumber))
    .map(([ref, object]) => ({ objectNumber: ref.objectNumber, body: serialize(object) }));
  objects.push({ objectNumber: signatureRef.objectNumber, body: dictionary.body });
  const trailer = context.trailerInfo;
  const written = appendUpdate(
    input,
    previous,
    objects,
    {
      root: String(trailer.Root),
      ...(trailer.Info ? { info: String(trailer.Info) } : {}),
      ...(trailer.ID ? { id: String(trailer.ID) } : {}),
    },
    context.nextRef().objectNumber,
  );
  const pdf = written.bytes;
  const body = written.bodyOffsets.get(signatureRef.objectNumber) ?? 0;
  const gapStart = body + dictionary.contentsAt;
  const gapEnd = gapStart + reservedBytes * 2 + 2;
  const byteRange = [0, gapStart, gapEnd, pdf.length - gapEnd];
  pdf.write(
    `0 ${byteRange.slice(1).join(' ')}`.padEnd(byteRangeWidth),
    body + dictionary.byteRangeAt + 1,
    'latin1',
  );

  const contentDigest = createHash('sha256')
    .update(pdf.subarray(0, gapStart))
    .update(pdf.subarray(gapEnd))
    .digest();
  let timestamp: SignResult['timestamp'] = options.timestamp ? 'unavailable' : 'not-requested';
  const tsa = options.timestamp;
  const cms = await buildSignedData({
    contentDigest,
    chain: chainDer,
    signer,
    signingTime,
    pades: options.pades ?? false,
    ...(tsa
      ? {
          timestamp: async (signatureValue: Buffer) => {
            try {
              const token = await requestTimestamp(signatureValue, tsa);
              timestamp = 'added';
              return token;
            } catch (error) {
              if (tsa.required || !isAppError(error) || error.code !== 'TSA_UNAVAILABLE')
                throw error;
              return undefined;
            }
          },
        }
      : {}),
  });
  if (cms.length > reservedBytes) {
    throw new AppError(
      'INTERNAL',
      {
        vi: 'Chữ ký lớn hơn chỗ đã dành trong tệp.',
        en: 'The signature is larger than the space reserved for it.',
      },
      { details: { reservedBytes, signatureBytes: cms.length } },
    );
  }
  // A token that signs with the wrong key or mangles the data must not yield a broken file.
  const check = checkSignature(parseSignedData(cms), contentDigest, 'sha256');
  if (!check.intact) {
    throw new AppError('SIGNER_FAILED', {
      vi: 'Thiết bị ký trả về chữ ký không hợp lệ.',
      en: `The signer produced an invalid signature: ${check.problem?.en ?? ''}`,
    });
  }
  pdf.write(cms.toString('hex').toUpperCase(), gapStart + 1, 'latin1');
  return {
    bytes: pdf,
    fieldName,
    signingTime,
    chainTrusted: chain.status === 'trusted',
    timestamp,
    reservedBytes,
    signatureBytes: cms.length,
  };
}

/**
 * Signs `inputPath` into `outputPath`. The input is only read; the output appears complete or
 * not at all (temporary file, fsync, rename), so a failure leaves both as they were.
 */
export async function signPdfFile(
  inputPath: string,
  outputPath: string,
  options: SignOptions,
): Promise<SignResult> {
  let input: Buffer;
  try {
    input = readFileSync(inputPath);
  } catch (cause) {
    throw new AppError(
      'IO',
      { vi: `Không đọc được tệp "${inputPath}".`, en: `Cannot read "${inputPath}".` },
      { cause, details: { path: inputPath } },
    );
  }
  const result = await signPdf(input, options);
  const temporary = join(dirname(outputPath), `.${basename(outputPath)}.${process.pid}.partial`);
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, result.bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, outputPath);
  } catch (cause) {
    rmSync(temporary, { force: true });
    throw new AppError(
      'IO',
      { vi: `Không ghi được tệp "${outputPath}".`, en: `Cannot write "${outputPath}".` },
      { cause, details: { path: outputPath } },
    );
  }
  return result;
}
