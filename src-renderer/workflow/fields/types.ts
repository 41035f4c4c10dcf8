/** The extracted-fields panel's data, as the API contract declares it. */
import type { MethodOutput } from '../../api/index.js';

export type DossierFields = MethodOutput<'dossier.fields'>;
export type FieldGroup = DossierFields['groups'][number];
export type ExtractedField = FieldGroup['fields'][number];
export type ApplicantTarget = NonNullable<ExtractedField['target']>;
