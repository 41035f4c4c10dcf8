/**
 * The signing certificate: the configured key store opens and its certificate is inside its
 * validity period, with a warning a month before it expires (renewal at a CA takes days). The
 * .p12 password or token PIN comes from SOHOA_SIGNING_PASSWORD, as for unattended signing; an
 * empty password is tried otherwise.
 */
import { existsSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import type { DoctorCheck, LocalizedMessage } from '../../../domain/index.js';
import { openP12SignerFile, openPkcs11Signer, type Signer } from '../../../pdf/index.js';
import type { StationContext } from './context.js';
import { fail, ok, reasonOf, warn } from './outcome.js';

const DAY_MS = 86_400_000;
/** Warn this long before expiry. */
export const CERTIFICATE_WARN_DAYS = 30;

const RENEW: LocalizedMessage = {
  vi: 'Liên hệ tổ chức cung cấp chữ ký số để gia hạn, rồi cập nhật signing.pkcs12File hoặc token',
  en: 'Ask the signing CA to renew the certificate, then update signing.pkcs12File or the token',
};

export function signingCheck(
  { config, env }: StationContext,
  now = (): Date => new Date(),
): DoctorCheck {
  return {
    id: 'signing.certificate',
    title: { vi: 'Chứng thư ký số', en: 'Signing certificate' },
    async run() {
      const s = config.signing;
      if (s.provider === 'none')
        return ok({
          vi: 'Không dùng ký số trên máy trạm này (signing.provider = none)',
          en: 'This workstation does not sign (signing.provider = none)',
        });
      const file = s.provider === 'pkcs12' ? s.pkcs12File : s.pkcs11Module;
      if (!file || !existsSync(file))
        return fail(
          {
            vi: `Không thấy ${s.provider === 'pkcs12' ? 'tệp chứng thư' : 'thư viện token'}: ${file ?? '(chưa đặt)'}`,
            en: `${s.provider === 'pkcs12' ? 'Certificate file' : 'Token library'} not found: ${file ?? '(not set)'}`,
          },
          {
            vi: `Đặt signing.${s.provider === 'pkcs12' ? 'pkcs12File' : 'pkcs11Module'} tới tệp có thật`,
            en: `Point signing.${s.provider === 'pkcs12' ? 'pkcs12File' : 'pkcs11Module'} at an existing file`,
          },
        );
      const secret = env.SOHOA_SIGNING_PASSWORD ?? '';
      let signer: Signer;
      try {
        signer =
          s.provider === 'pkcs12'
            ? openP12SignerFile(file, secret)
            : await openPkcs11Signer({
                library: file,
                ...(s.pkcs11Slot !== undefined ? { slotIndex: s.pkcs11Slot } : {}),
                pin: secret,
              });
      } catch (error) {
        return fail(reasonOf(error), {
          vi: 'Cắm token/kiểm tra tệp, đặt SOHOA_SIGNING_PASSWORD khi chạy kiểm tra, hoặc thử "sohoa sign"',
          en: 'Plug in the token/check the file, set SOHOA_SIGNING_PASSWORD for the check, or try "sohoa sign"',
        });
      }
      let cert: X509Certificate;
      try {
        cert = new X509Certificate(signer.certificate);
      } finally {
        await signer.close();
      }
      const validTo = new Date(cert.validTo);
      const validFrom = new Date(cert.validFrom);
      const subject = cert.subject.replace(/\n/g, ', ');
      const details = {
        subject,
        validFrom: validFrom.toISOString(),
        validTo: validTo.toISOString(),
      };
      const day = validTo.toISOString().slice(0, 10);
      const left = Math.floor((validTo.getTime() - now().getTime()) / DAY_MS);
      if (now() < validFrom)
        return fail(
          {
            vi: `Chứng thư "${subject}" chưa có hiệu lực (từ ${validFrom.toISOString().slice(0, 10)})`,
            en: `The certificate "${subject}" is not valid yet (from ${validFrom.toISOString().slice(0, 10)})`,
          },
          { vi: 'Kiểm tra đồng hồ máy tính', en: "Check the computer's clock" },
          details,
        );
      if (left < 0)
        return fail(
          {
            vi: `Chứng thư "${subject}" đã hết hạn ngày ${day}`,
            en: `The certificate "${subject}" expired on ${day}`,
          },
          RENEW,
          details,
        );
      if (left < CERTIFICATE_WARN_DAYS)
        return warn(
          {
            vi: `Chứng thư "${subject}" hết hạn ngày ${day} (còn ${left} ngày)`,
            en: `The certificate "${subject}" expires on ${day} (${left} days left)`,
          },
          RENEW,
          details,
        );
      return ok(
        {
          vi: `Chứng thư "${subject}" còn hiệu lực đến ${day}`,
          en: `The certificate "${subject}" is valid until ${day}`,
        },
        details,
      );
    },
  };
}
