export { DossierService } from './dossier-service.js';
export type { DossierDetail, DossierServiceOptions } from './dossier-service.js';
export {
  NewDossierInputSchema,
  DossierQuerySchema,
  SearchInputSchema,
  ReuseInputSchema,
  AddResultInputSchema,
  FindResultsInputSchema,
  parseInput,
} from './input.js';
export type {
  NewDossierInput,
  DossierQuery,
  SearchInput,
  ReuseInput,
  AddResultInput,
  FindResultsInput,
} from './input.js';
export type { ResultView } from './results.js';
export type { FileKind } from './file-kind.js';
export { exportDossier } from './export.js';
export { storeService, dossierService, withDossierService } from './service.js';
export { ensureCatalog, defaultCatalogPath } from './catalog.js';
export { applicantService } from './applicant-service.js';
export {
  UpdateApplicantSchema,
  DossierFieldsSchema,
  DecideFieldSchema,
} from './applicant-input.js';
export type { ApplicantFieldView, DossierFields } from './applicant-fields.js';
