/**
 * Handlers of `contract/scan.ts`. The scan sessions are a core service (one scanner host per data
 * directory, stopped when the core closes); pages land in the dossier store.
 */
import { defineService } from '../../core/index.js';
import { storeService } from '../../core/dossiers/index.js';
import { DossierDestination, ScanService, ScanSessions } from '../../scan/index.js';
import { scanContract } from '../contract/scan.js';
import { implement } from '../handler.js';

export const scanSessionsService = defineService({
  name: 'scan',
  create: (core) =>
    new ScanSessions(new ScanService(core.dataDir, () => core.config.scanner), (event, payload) =>
      core.events.publish(event, payload),
    ),
  dispose: (sessions) => sessions.close(),
});

export const scanHandlers = implement(scanContract, {
  'scan.devices': (_input, { core }) => core.use(scanSessionsService).service.devices(),
  'scan.capabilities': ({ device }, { core }) =>
    core.use(scanSessionsService).service.capabilities(device),
  'scan.start': async ({ MaHoSo, MaThanhPhanHoSo, profile, ...overrides }, { core }) => {
    const destination = new DossierDestination(
      await core.use(storeService),
      MaHoSo,
      MaThanhPhanHoSo,
    );
    return core.use(scanSessionsService).startScan(overrides, destination, profile);
  },
  'scan.import': async ({ MaHoSo, MaThanhPhanHoSo, ...request }, { core }) => {
    const destination = new DossierDestination(
      await core.use(storeService),
      MaHoSo,
      MaThanhPhanHoSo,
    );
    return core.use(scanSessionsService).startImport(request, destination);
  },
  'scan.cancel': ({ sessionId }, { core }) => ({
    cancelled: core.use(scanSessionsService).cancel(sessionId),
  }),
  'scan.profiles': (_input, { core }) => core.config.scanner,
  'scan.saveProfile': ({ profile, makeDefault }, { core }) => {
    const profiles = core.config.scanner.profiles.filter((p) => p.id !== profile.id);
    core.updateConfig({
      scanner: {
        profiles: [...profiles, profile],
        ...(makeDefault ? { defaultProfile: profile.id } : {}),
      },
    });
    return core.config.scanner;
  },
});
