/**
 * Digital signatures (Ký số): sign a component's PDF as an electronic copy with the station's
 * configured certificate (PKCS#12 file or PKCS#11 token), and verify the signatures of a PDF.
 */
import { z } from 'zod';
import type { VerificationReport } from '../../pdf/index.js';
import { defineContract, method, returns } from './define.js';

export interface SignatureSignResult {
  output: string;
  fieldName: string;
  /** ISO 8601. */
  signingTime: string;
  chainTrusted: boolean;
  timestamp: 'added' | 'unavailable' | 'not-requested';
}

const filePath = z.string().min(1).max(4096);

export const signatureContract = defineContract({
  methods: {
    'signature.sign': method({
      summary:
        'Signs a PDF with the configured certificate; the password or PIN is used once and never stored or logged.',
      input: z.strictObject({
        input: filePath,
        output: filePath,
        secret: z.string().min(1).max(256),
        reason: z.string().trim().min(1).max(500).optional(),
        /** Defaults to the configured signing.pades. */
        pades: z.boolean().optional(),
        /** Defaults to the configured signing.visibleStamp. */
        stamp: z.boolean().optional(),
      }),
      output: returns<SignatureSignResult>(),
    }),
    'signature.verify': method({
      summary: 'Integrity, signer, time and trust chain of every signature in a PDF.',
      input: z.strictObject({ path: filePath }),
      output: returns<VerificationReport>(),
    }),
  },
  events: {},
});
