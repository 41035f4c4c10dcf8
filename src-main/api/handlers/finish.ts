/**
 * Handlers of `contract/finish.ts`. The signer is opened with the clerk's secret through the same
 * path as `signature.sign`, once per finish, and closed after it.
 */
import { writeFile } from 'node:fs/promises';
import { AppError } from '../../domain/index.js';
import { finishService } from '../../core/finish/index.js';
import { finishContract } from '../contract/finish.js';
import { implement } from '../handler.js';
import type { HandlerContext } from '../handler.js';
import { openConfiguredSigner } from './signature.js';

const clerkName = ({ clerk, actor }: HandlerContext): string => clerk?.displayName ?? actor;

export const finishHandlers = implement(finishContract, {
  'dossier.checkReady': async ({ MaHoSo }, { core }) =>
    (await core.use(finishService)).checkReady(MaHoSo),
  'dossier.waiveComponent': async ({ MaHoSo, MaThanhPhanHoSo, reason }, ctx) =>
    (await ctx.core.use(finishService)).waive(
      MaHoSo,
      MaThanhPhanHoSo,
      reason,
      clerkName(ctx),
      ctx.actor,
    ),
  'dossier.unwaiveComponent': async ({ MaHoSo, MaThanhPhanHoSo }, ctx) =>
    (await ctx.core.use(finishService)).unwaive(MaHoSo, MaThanhPhanHoSo, ctx.actor),
  'dossier.finish': async ({ MaHoSo, secret, paper }, ctx) => {
    const { signing } = ctx.core.config;
    return (await ctx.core.use(finishService)).finish(MaHoSo, {
      clerk: clerkName(ctx),
      actor: ctx.actor,
      ...(paper ? { paper } : {}),
      ...(secret !== undefined ? { openSigner: () => openConfiguredSigner(signing, secret) } : {}),
    });
  },
  'dossier.receipt': async ({ MaHoSo, output }, { core }) => {
    const receipt = (await core.use(finishService)).receipt(MaHoSo);
    if (output) {
      try {
        await writeFile(output, receipt.bytes);
      } catch (cause) {
        throw new AppError(
          'IO',
          { vi: `Không ghi được tệp "${output}".`, en: `Cannot write "${output}".` },
          { cause, details: { output } },
        );
      }
    }
    return {
      MaHoSo,
      paper: receipt.paper,
      sha256: receipt.sha256,
      base64: receipt.bytes.toString('base64'),
      ...(output ? { path: output } : {}),
    };
  },
});
