/** The identity service of a data directory (the store is opened only in `local` mode). */
import { storeService } from '../dossiers/index.js';
import { defineService } from '../service.js';
import { IdentityService } from './identity-service.js';

export const identityService = defineService<IdentityService>({
  name: 'identity',
  create: (core) =>
    new IdentityService({
      security: () => core.config.security,
      store: () => core.use(storeService),
    }),
});
