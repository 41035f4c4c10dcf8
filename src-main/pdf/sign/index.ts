export { signPdf, signPdfFile } from './sign-pdf.js';
export type { SignOptions, SignResult } from './sign-pdf.js';
export type { Signer } from './signer.js';
export { assertCertificateCanSign, certificateOrganisation } from './signer.js';
export { openP12Signer, openP12SignerFile } from './p12-signer.js';
export { openPkcs11Signer } from './pkcs11-signer.js';
export type { Pkcs11Options } from './pkcs11-signer.js';
export { requestTimestamp } from './timestamp-client.js';
export type { TimestampOptions } from './timestamp-client.js';
