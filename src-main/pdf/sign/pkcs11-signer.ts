/**
 * Signer over a PKCS#11 token (the USB tokens Vietnamese CAs hand out, SoftHSM2 in tests). The
 * private key never leaves the token: the token computes the RSA signature over the data we
 * give it. The PIN goes straight to C_Login; it is never stored, logged or put in an error.
 */
import { createHash } from 'node:crypto';
import type * as Pkcs11Js from 'pkcs11js';
import { AppError } from '../../domain/index.js';
import type { Signer } from './signer.js';
import { assertCertificateCanSign, rsaSignatureLength } from './signer.js';

export interface Pkcs11Options {
  /** Path of the vendor's PKCS#11 module (.so/.dll). */
  library: string;
  /** Which token, counting from 0 among slots that hold one. */
  slotIndex?: number;
  pin: string;
}

// DigestInfo prefix for SHA-256 (RFC 8017 §9.2 note 1), for tokens that only offer CKM_RSA_PKCS.
const sha256DigestInfoPrefix = Buffer.from('3031300d060960864801650304020105000420', 'hex');

type Pkcs11Module = typeof Pkcs11Js;

async function loadBinding(): Promise<Pkcs11Module> {
  try {
    const imported = (await import('pkcs11js')) as Pkcs11Module & { default?: Pkcs11Module };
    return imported.default ?? imported;
  } catch (cause) {
    throw new AppError(
      'PKCS11_UNAVAILABLE',
      {
        vi: 'Máy này chưa cài thành phần pkcs11js để dùng token.',
        en: 'The pkcs11js component for tokens is not installed.',
      },
      { cause },
    );
  }
}

function tokenError(binding: Pkcs11Module, error: unknown, library: string): AppError {
  const code = (error as { code?: number }).code;
  if (code === binding.CKR_PIN_INCORRECT) {
    return new AppError('WRONG_PIN', {
      vi: 'Mã PIN của token không đúng.',
      en: 'Wrong token PIN.',
    });
  }
  if (code === binding.CKR_PIN_LOCKED) {
    return new AppError('PIN_LOCKED', {
      vi: 'Token đã bị khóa PIN; liên hệ nhà cung cấp chứng thư số.',
      en: 'The token PIN is locked; contact the certificate provider.',
    });
  }
  return new AppError(
    'PKCS11_FAILED',
    {
      vi: 'Token báo lỗi khi ký.',
      en: `The token reported an error: ${error instanceof Error ? error.message : String(error)}`,
    },
    { details: { library, code }, cause: error },
  );
}

export async function openPkcs11Signer(options: Pkcs11Options): Promise<Signer> {
  const binding = await loadBinding();
  const pkcs11 = new binding.PKCS11();
  try {
    pkcs11.load(options.library);
  } catch (cause) {
    throw new AppError(
      'PKCS11_LIBRARY',
      {
        vi: `Không nạp được thư viện PKCS#11 "${options.library}".`,
        en: `Cannot load the PKCS#11 library "${options.library}".`,
      },
      { cause },
    );
  }
  let initialized = false;
  let session: Buffer | undefined;
  const close = () => {
    if (session) {
      for (const step of [
        () => pkcs11.C_Logout(session as Buffer),
        () => pkcs11.C_CloseSession(session as Buffer),
      ]) {
        try {
          step();
        } catch {
          // already logged out or closed: nothing left to release
        }
      }
      session = undefined;
    }
    if (initialized) {
      initialized = false;
      pkcs11.C_Finalize();
    }
    pkcs11.close();
  };
  try {
    try {
      pkcs11.C_Initialize();
    } catch (error) {
      if ((error as { code?: number }).code !== binding.CKR_CRYPTOKI_ALREADY_INITIALIZED)
        throw error;
    }
    initialized = true;
    const slots = pkcs11.C_GetSlotList(true);
    const slot = slots[options.slotIndex ?? 0];
    if (!slot) {
      throw new AppError(
        'TOKEN_NOT_FOUND',
        {
          vi: 'Không tìm thấy token; hãy cắm token vào máy.',
          en: 'No token found; plug the token in.',
        },
        { details: { tokens: slots.length, slotIndex: options.slotIndex ?? 0 } },
      );
    }
    session = pkcs11.C_OpenSession(slot, binding.CKF_SERIAL_SESSION);
    pkcs11.C_Login(session, binding.CKU_USER, options.pin);

    const find = (template: { type: number; value: number }[]) => {
      pkcs11.C_FindObjectsInit(session as Buffer, template);
      try {
        return pkcs11.C_FindObjects(session as Buffer, 100);
      } finally {
        pkcs11.C_FindObjectsFinal(session as Buffer);
      }
    };
    const idOf = (handle: Buffer) =>
      pkcs11
        .C_GetAttributeValue(session as Buffer, handle, [{ type: binding.CKA_ID }])[0]
        ?.value?.toString('hex') ?? '';
    const keys = new Map(
      find([{ type: binding.CKA_CLASS, value: binding.CKO_PRIVATE_KEY }]).map((h) => [idOf(h), h]),
    );
    const certificates = find([{ type: binding.CKA_CLASS, value: binding.CKO_CERTIFICATE }]).map(
      (h) => ({
        id: idOf(h),
        der:
          pkcs11.C_GetAttributeValue(session as Buffer, h, [{ type: binding.CKA_VALUE }])[0]
            ?.value ?? Buffer.alloc(0),
      }),
    );
    const withKey = certificates.filter((c) => keys.has(c.id) && c.der.length > 0);
    // Prefer a certificate that can sign now; otherwise keep the first so the caller reports why not.
    const usable = (der: Buffer) => {
      try {
        assertCertificateCanSign(der, new Date());
        return true;
      } catch {
        return false;
      }
    };
    const chosen = withKey.find((c) => usable(c.der)) ?? withKey[0];
    const key = chosen ? keys.get(chosen.id) : undefined;
    if (!chosen || !key) {
      throw new AppError('TOKEN_NO_KEY', {
        vi: 'Token không có cặp khóa và chứng thư số để ký.',
        en: 'The token holds no private key with a certificate.',
      });
    }
    const signatureLength = rsaSignatureLength(chosen.der);
    const hashOnToken = pkcs11.C_GetMechanismList(slot).includes(binding.CKM_SHA256_RSA_PKCS);
    const tokenSession = session;
    return {
      certificate: chosen.der,
      otherCertificates: certificates.filter((c) => c !== chosen).map((c) => c.der),
      signatureLength,
      sign: (data) => {
        try {
          const mechanism = hashOnToken ? binding.CKM_SHA256_RSA_PKCS : binding.CKM_RSA_PKCS;
          const input = hashOnToken
            ? data
            : Buffer.concat([sha256DigestInfoPrefix, createHash('sha256').update(data).digest()]);
          pkcs11.C_SignInit(tokenSession, { mechanism }, key);
          return Promise.resolve(
            Buffer.from(pkcs11.C_Sign(tokenSession, input, Buffer.alloc(signatureLength))),
          );
        } catch (error) {
          return Promise.reject(tokenError(binding, error, options.library));
        }
      },
      close,
    };
  } catch (error) {
    close();
    throw error instanceof AppError ? error : tokenError(binding, error, options.library);
  }
}
