/**
 * Finishing a dossier at the counter: what still blocks it, waivers of required components,
 * finishing (searchable signed PDFs, the reception receipt, queued for sync) and the receipt.
 */
import { z } from 'zod';
import type { FinishResult, ReadyReport, ReceiptPaper } from '../../domain/index.js';
import { defineContract, method, returns } from './define.js';

const MaHoSo = z.string().trim().min(1).max(64);
const MaThanhPhanHoSo = z.string().trim().min(1).max(64);

export const finishContract = defineContract({
  methods: {
    'dossier.checkReady': method({
      summary: 'Every problem that blocks finishing the dossier (vi + en), and pages worth a look.',
      input: z.strictObject({ MaHoSo }),
      output: returns<ReadyReport>(),
    }),
    'dossier.waiveComponent': method({
      summary: 'Records why a required component is not handed in (printed on the receipt).',
      input: z.strictObject({
        MaHoSo,
        MaThanhPhanHoSo,
        reason: z.string().trim().min(3).max(500),
      }),
      output: returns<ReadyReport>(),
    }),
    'dossier.unwaiveComponent': method({
      summary: 'Withdraws a waiver: the component is required again.',
      input: z.strictObject({ MaHoSo, MaThanhPhanHoSo }),
      output: returns<ReadyReport>(),
    }),
    'dossier.finish': method({
      summary:
        'Builds and signs the PDFs, prints the receipt and queues the dossier for sync; safe to call again after an interruption. The password or PIN is used for this call only.',
      input: z.strictObject({
        MaHoSo,
        /** Certificate password or token PIN; required when signing is configured. */
        secret: z.string().min(1).max(256).optional(),
        paper: z.enum(['A4', 'A5']).optional(),
      }),
      output: returns<FinishResult>(),
    }),
    'dossier.receipt': method({
      summary:
        'The reception receipt PDF ("Giấy tiếp nhận hồ sơ và hẹn trả kết quả") as base64, optionally also written to a file.',
      input: z.strictObject({ MaHoSo, output: z.string().min(1).max(4096).optional() }),
      output: returns<{
        MaHoSo: string;
        paper: ReceiptPaper;
        sha256: string;
        base64: string;
        path?: string;
      }>(),
    }),
  },
  events: {},
});
