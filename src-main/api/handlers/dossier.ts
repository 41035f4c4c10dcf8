/**
 * Handlers of `contract/dossier.ts`, over the dossier service of the core's data directory.
 * The actor recorded in the audit log is the transport and the OS account of the session.
 */
import { userInfo } from 'node:os';
import { dossierService, storeService } from '../../core/dossiers/index.js';
import { runDoctor } from '../../domain/index.js';
import { storeDoctorChecks } from '../../store/index.js';
import { dossierContract } from '../contract/dossier.js';
import { implement } from '../handler.js';
import type { Transport } from '../handler.js';

const actor = (transport: Transport): string => `${transport}:${userInfo().username}`;

export const dossierHandlers = implement(dossierContract, {
  'dossier.create': async (input, { core, events, transport }) => {
    const detail = (await core.use(dossierService)).create(input, actor(transport));
    events.emit('dossier.created', { id: detail.dossier.id, MaHoSo: detail.dossier.MaHoSo });
    return detail;
  },
  'dossier.list': async (input, { core }) => (await core.use(dossierService)).list(input),
  'dossier.get': async ({ MaHoSo }, { core }) => (await core.use(dossierService)).show(MaHoSo),
  'dossier.setStatus': async ({ MaHoSo, TrangThaiHoSo }, { core, events, transport }) => {
    const d = (await core.use(dossierService)).setStatus(MaHoSo, TrangThaiHoSo, actor(transport));
    events.emit('dossier.changed', { id: d.id, MaHoSo: d.MaHoSo });
    return d;
  },
  'dossier.export': async ({ MaHoSo, outDir }, { core, transport }) =>
    (await core.use(dossierService)).export(MaHoSo, outDir, actor(transport)),
  'dossier.search': async (input, { core }) => (await core.use(dossierService)).search(input),
  'dossier.reuse': async (input, { core, events, transport }) => {
    const service = await core.use(dossierService);
    const doc = await service.reuse(input, actor(transport));
    const d = service.store.dossiers.requireByCode(input.MaHoSo);
    events.emit('dossier.changed', { id: d.id, MaHoSo: d.MaHoSo });
    return doc;
  },
  'dossier.addResult': async (input, { core, events, transport }) => {
    const result = (await core.use(dossierService)).addResult(input, actor(transport));
    if (result.dossierId !== undefined && result.MaHoSo)
      events.emit('dossier.changed', { id: result.dossierId, MaHoSo: result.MaHoSo });
    return result;
  },
  'dossier.findResults': async (input, { core }) =>
    (await core.use(dossierService)).findResults(input),
  'dossier.resultFile': async ({ resultId }, { core }) =>
    (await core.use(dossierService)).resultFile(resultId),
  'catalog.procedures': async (_input, { core }) =>
    (await core.use(storeService)).catalog.procedures(),
  'audit.verify': async (_input, { core }) => (await core.use(storeService)).audit.verify(),
  'doctor.run': async (_input, { core }) =>
    runDoctor(storeDoctorChecks(await core.use(storeService))),
});
