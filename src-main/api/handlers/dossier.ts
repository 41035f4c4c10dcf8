/**
 * Handlers of `contract/dossier.ts`, over the dossier service of the core's data directory.
 * The actor recorded in the audit log is the session's (ctx.actor: the clerk, or the OS account).
 */
import { applicantService, dossierService, storeService } from '../../core/dossiers/index.js';
import { runDoctor } from '../../domain/index.js';
import { storeDoctorChecks } from '../../store/index.js';
import { dossierContract } from '../contract/dossier.js';
import { implement } from '../handler.js';

export const dossierHandlers = implement(dossierContract, {
  'dossier.create': async (input, { core, events, actor }) => {
    const detail = (await core.use(dossierService)).create(input, actor);
    events.emit('dossier.created', { id: detail.dossier.id, MaHoSo: detail.dossier.MaHoSo });
    return detail;
  },
  'dossier.list': async (input, { core }) => (await core.use(dossierService)).list(input),
  'dossier.get': async ({ MaHoSo }, { core }) => (await core.use(dossierService)).show(MaHoSo),
  'dossier.setStatus': async ({ MaHoSo, TrangThaiHoSo }, { core, events, actor }) => {
    const d = (await core.use(dossierService)).setStatus(MaHoSo, TrangThaiHoSo, actor);
    events.emit('dossier.changed', { id: d.id, MaHoSo: d.MaHoSo });
    return d;
  },
  'dossier.export': async ({ MaHoSo, outDir }, { core, actor }) =>
    (await core.use(dossierService)).export(MaHoSo, outDir, actor),
  'dossier.search': async (input, { core }) => (await core.use(dossierService)).search(input),
  'dossier.reuse': async (input, { core, events, actor }) => {
    const service = await core.use(dossierService);
    const doc = await service.reuse(input, actor);
    const d = service.store.dossiers.requireByCode(input.MaHoSo);
    events.emit('dossier.changed', { id: d.id, MaHoSo: d.MaHoSo });
    return doc;
  },
  'dossier.addResult': async (input, { core, events, actor }) => {
    const result = (await core.use(dossierService)).addResult(input, actor);
    if (result.dossierId !== undefined && result.MaHoSo)
      events.emit('dossier.changed', { id: result.dossierId, MaHoSo: result.MaHoSo });
    return result;
  },
  'dossier.findResults': async (input, { core }) =>
    (await core.use(dossierService)).findResults(input),
  'dossier.resultFile': async ({ resultId }, { core }) =>
    (await core.use(dossierService)).resultFile(resultId),
  'dossier.fields': async (input, { core }) => (await core.use(applicantService)).fields(input),
  'dossier.updateApplicant': async (input, { core, events, actor }) => {
    const d = (await core.use(applicantService)).update(input, actor);
    events.emit('dossier.changed', { id: d.id, MaHoSo: d.MaHoSo });
    return d;
  },
  'dossier.decideField': async (input, { core, events, actor }) => {
    const d = (await core.use(applicantService)).decide(input, actor);
    events.emit('dossier.changed', { id: d.id, MaHoSo: d.MaHoSo });
    return d;
  },
  'catalog.procedures': async (_input, { core }) =>
    (await core.use(storeService)).catalog.procedures(),
  'audit.verify': async (_input, { core }) => (await core.use(storeService)).audit.verify(),
  'doctor.run': async (_input, { core }) =>
    runDoctor(storeDoctorChecks(await core.use(storeService))),
});
