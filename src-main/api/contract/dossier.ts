/**
 * Dossiers (the Hồ sơ area): receiving a dossier, listing, showing, searching, status, export,
 * the offline procedure catalog, and the store's health (audit chain, doctor).
 */
import { z } from 'zod';
import type {
  DossierDetail,
  DossierFields,
  FileKind,
  ResultView,
} from '../../core/dossiers/index.js';
import {
  AddResultInputSchema,
  DecideFieldSchema,
  DossierFieldsSchema,
  DossierQuerySchema,
  FindResultsInputSchema,
  NewDossierInputSchema,
  ReuseInputSchema,
  SearchInputSchema,
  UpdateApplicantSchema,
} from '../../core/dossiers/index.js';
import type { Dossier, DossierDocument, DoctorReport, Procedure } from '../../domain/index.js';
import type { AuditVerification, SearchHit } from '../../store/index.js';
import { defineContract, event, method, returns } from './define.js';

const code = z.string().min(1).max(64);

export interface DossierEvent {
  id: number;
  MaHoSo: string;
}

export const dossierContract = defineContract({
  methods: {
    'dossier.create': method({
      summary:
        'Receives a dossier: next code, components from the checklist, NgayHenTra in working days.',
      input: NewDossierInputSchema,
      output: returns<DossierDetail>(),
    }),
    'dossier.list': method({
      summary: 'Dossiers, newest first, filtered by procedure, status and reception date.',
      input: DossierQuerySchema,
      output: returns<Dossier[]>(),
    }),
    'dossier.get': method({
      summary: 'One dossier with its components, documents, pages and results.',
      input: z.strictObject({ MaHoSo: code }),
      output: returns<DossierDetail>(),
    }),
    'dossier.setStatus': method({
      summary: 'Changes TrangThaiHoSo (1..10); recorded in the audit log.',
      input: z.strictObject({ MaHoSo: code, TrangThaiHoSo: z.number().int().min(1).max(10) }),
      output: returns<Dossier>(),
    }),
    'dossier.export': method({
      summary: 'Writes the dossier (JSON + page images) into a new folder under an existing one.',
      input: z.strictObject({ MaHoSo: code, outDir: z.string().min(1).max(4096) }),
      output: returns<{ dir: string; files: number }>(),
    }),
    'dossier.search': method({
      summary:
        'Accent- and đ-insensitive full-text search with bm25 ranking and highlighted snippets.',
      input: SearchInputSchema,
      output: returns<SearchHit[]>(),
    }),
    'dossier.reuse': method({
      summary:
        'Reuses a document of an earlier dossier or a result paper in a component: same blobs, no re-scan.',
      input: ReuseInputSchema,
      output: returns<DossierDocument>(),
    }),
    'dossier.addResult': method({
      summary:
        'Digitizes a result paper (giấy tờ kết quả) handed back: PDF/PNG/JPEG, filed under the owner.',
      input: AddResultInputSchema,
      output: returns<ResultView>(),
    }),
    'dossier.findResults': method({
      summary: 'Result papers by owner (CCCD/CMND), by the number on the paper, or of a dossier.',
      input: FindResultsInputSchema,
      output: returns<ResultView[]>(),
    }),
    'dossier.resultFile': method({
      summary: 'The bytes (base64) of a result paper, to show or print it.',
      input: z.strictObject({ resultId: z.number().int().positive() }),
      output: returns<{ mime: FileKind; base64: string }>(),
    }),
    'dossier.fields': method({
      summary:
        "Values read off the dossier's pages by kind (page, confidence, validity, box), each applicant one against what was typed.",
      input: DossierFieldsSchema,
      output: returns<DossierFields>(),
    }),
    'dossier.updateApplicant': method({
      summary:
        'Changes the applicant (name, CCCD/CMND, phone, e-mail, address) with the checks of reception; audited; refused once finished.',
      input: UpdateApplicantSchema,
      output: returns<Dossier>(),
    }),
    'dossier.decideField': method({
      summary:
        'Uses a scanned value for the applicant, or keeps what was typed; remembered so it is not asked again; audited.',
      input: DecideFieldSchema,
      output: returns<Dossier>(),
    }),
    'catalog.procedures': method({
      summary: 'The offline procedure catalog with component checklists.',
      input: z.strictObject({}),
      output: returns<Procedure[]>(),
    }),
    'audit.verify': method({
      summary: "Recomputes the audit log's hash chain.",
      input: z.strictObject({}),
      output: returns<AuditVerification>(),
    }),
    'doctor.run': method({
      summary: 'Runs the health checks (database, references, blobs, audit chain, …).',
      input: z.strictObject({}),
      output: returns<DoctorReport>(),
    }),
  },
  events: {
    'dossier.created': event<DossierEvent>('A dossier was received.'),
    'dossier.changed': event<DossierEvent>(
      "A dossier's status, documents or result papers changed.",
    ),
  },
});
