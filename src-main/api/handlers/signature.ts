/**
 * Handlers of `contract/signature.ts`. The signer is opened for one call and closed after it
 * (logging out of a token), so a PIN never outlives the request that carried it.
 */
import { readFile } from 'node:fs/promises';
import { AppError } from '../../domain/index.js';
import {
  certificateOrganisation,
  openP12SignerFile,
  openPkcs11Signer,
  signPdfFile,
  verifyPdf,
} from '../../pdf/index.js';
import type { Signer } from '../../pdf/index.js';
import type { AppConfig } from '../../platform/index.js';
import { signatureContract } from '../contract/signature.js';
import { implement } from '../handler.js';

export async function openConfiguredSigner(
  signing: AppConfig['signing'],
  secret: string,
): Promise<Signer> {
  if (signing.provider === 'pkcs12' && signing.pkcs12File)
    return openP12SignerFile(signing.pkcs12File, secret);
  if (signing.provider === 'pkcs11' && signing.pkcs11Module) {
    return openPkcs11Signer({
      library: signing.pkcs11Module,
      pin: secret,
      ...(signing.pkcs11Slot !== undefined ? { slotIndex: signing.pkcs11Slot } : {}),
    });
  }
  throw new AppError('SIGNING_NOT_CONFIGURED', {
    vi: 'Chưa cấu hình chứng thư số để ký (mục Cài đặt → Ký số).',
    en: 'No signing certificate is configured (Settings → Signing).',
  });
}

export const signatureHandlers = implement(signatureContract, {
  'signature.sign': async ({ input, output, secret, reason, pades, stamp }, { core }) => {
    const { signing, agency } = core.config;
    const signer = await openConfiguredSigner(signing, secret);
    try {
      const agencyName = agency.name ?? certificateOrganisation(signer.certificate);
      const withStamp = stamp ?? signing.visibleStamp;
      if (withStamp && !agencyName) {
        throw new AppError('VALIDATION', {
          vi: 'Chưa cấu hình tên cơ quan (agency.name) để in trên dấu bản sao điện tử.',
          en: 'No agency name (agency.name) is configured for the electronic-copy stamp.',
        });
      }
      const result = await signPdfFile(input, output, {
        signer,
        pades: pades ?? signing.pades,
        ...(signing.tsaUrl
          ? { timestamp: { url: signing.tsaUrl, required: signing.requireTimestamp } }
          : {}),
        ...(reason ? { reason } : {}),
        ...(withStamp && agencyName ? { stamp: { agency: agencyName } } : {}),
      });
      return {
        output,
        fieldName: result.fieldName,
        signingTime: result.signingTime.toISOString(),
        chainTrusted: result.chainTrusted,
        timestamp: result.timestamp,
      };
    } finally {
      signer.close();
    }
  },
  'signature.verify': async ({ path }) => {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (cause) {
      throw new AppError(
        'IO',
        { vi: `Không đọc được tệp "${path}".`, en: `Cannot read "${path}".` },
        { cause },
      );
    }
    return verifyPdf(bytes);
  },
});
