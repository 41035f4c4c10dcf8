export { DossierService } from './dossier-service.js';
export type { DossierDetail, DossierServiceOptions } from './dossier-service.js';
export {
  NewDossierInputSchema,
  DossierQuerySchema,
  SearchInputSchema,
  parseInput,
} from './input.js';
export type { NewDossierInput, DossierQuery, SearchInput } from './input.js';
export { exportDossier } from './export.js';
export { storeService, dossierService, withDossierService } from './service.js';
export { ensureCatalog, defaultCatalogPath } from './catalog.js';
