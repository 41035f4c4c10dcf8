/**
 * Handlers of `contract/result-scan.ts`. A scan runs in the station's one scan session (the same
 * scanner, profiles, events and jam handling as scanning a component), landing in the result scan.
 */
import { resultScanService } from '../../core/result-scan/index.js';
import { resultScanContract } from '../contract/result-scan.js';
import { implement } from '../handler.js';
import { scanSessionsService } from './scan.js';

export const resultScanHandlers = implement(resultScanContract, {
  'dossier.scanResult': async ({ MaHoSo, documentId, profile, ...overrides }, { core, actor }) => {
    const destination = (await core.use(resultScanService)).destination(
      { MaHoSo, ...(documentId !== undefined ? { documentId } : {}) },
      actor,
    );
    const { sessionId } = await core
      .use(scanSessionsService)
      .startScan(overrides, destination, profile);
    return {
      sessionId,
      documentId: destination.documentId,
      MaThanhPhanHoSo: destination.componentCode,
    };
  },
  'dossier.resultScans': async ({ MaHoSo }, { core }) =>
    (await core.use(resultScanService)).drafts(MaHoSo),
  'dossier.saveResultScan': async (input, { core, events, actor }) => {
    const saved = await (await core.use(resultScanService)).save(input, actor);
    if (saved.dossierId !== undefined)
      events.emit('dossier.changed', { id: saved.dossierId, MaHoSo: saved.MaHoSo ?? input.MaHoSo });
    return saved;
  },
});
