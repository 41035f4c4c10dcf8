/**
 * The store of one data directory: `<dataDir>/sohoa.db` (SQLite) and `<dataDir>/blobs/`.
 * It owns every multi-row change, each in one immediate (write-locking) transaction, so what a
 * caller is told is stored is stored completely, and a crash leaves either all of a change or
 * none of it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Catalog,
  ExtractedField,
  DossierComponent,
  DossierDocument,
  DossierResult,
  Page,
  PageOcr,
  Rotation,
} from '../domain/index.js';
import { AppError, assertOfficialDossierCode, isProvisionalDossierCode } from '../domain/index.js';
import { AuditLog } from './audit/index.js';
import type { AuditEntry } from './audit/index.js';
import { ensureBlobRefTriggers, recountBlobRefs } from './blob-refs.js';
import { BlobStore, collectGarbage, recoverTrash } from './blobs/index.js';
import type { GcReport } from './blobs/index.js';
import { openDatabase } from './connection.js';
import type { Db } from './connection.js';
import { DATABASE_FILE, openDataKeys } from './encryption/open-keys.js';
import type { OpenKeysOptions } from './encryption/open-keys.js';
import type { DataKeys } from '../platform/keychain/index.js';
import { migrate } from './migration.js';
import { AccountRepository } from './repositories/accounts.js';
import { CatalogRepository } from './repositories/catalog.js';
import { CodeRepository } from './repositories/codes.js';
import { DossierRepository } from './repositories/dossiers.js';
import type { NewDossier } from './repositories/dossiers.js';
import { PageRepository } from './repositories/pages.js';
import { ResultRepository } from './repositories/results.js';
import { RetentionRepository } from './repositories/retention.js';
import type { NewResult } from './repositories/results.js';
import { SearchIndexer, SearchService } from './search/index.js';
import { prepared } from './statements.js';

export { DATABASE_FILE };
export const BLOB_DIR = 'blobs';

export interface NewPage {
  /** The document the page belongs to; or give `componentId` to append to its last document. */
  documentId?: number;
  componentId?: number;
  bytes: Uint8Array;
  mime: string;
  width?: number;
  height?: number;
  dpi?: number;
  rotation?: Rotation;
  blank?: boolean;
  needsReview?: boolean;
}

export interface NewDossierRecord extends Omit<NewDossier, 'MaHoSo' | 'provisional'> {
  components: Array<Pick<DossierComponent, 'MaThanhPhanHoSo' | 'TenThanhPhanHoSo' | 'BatBuoc'>>;
  /** An official code the paper dossier already carries (a backlog receipt's QR), used as is. */
  MaHoSo?: string;
}

export class Store {
  readonly dataDir: string;
  readonly db: Db;
  readonly blobs: BlobStore;
  /** The folder's data keys (encryption at rest; see store/encryption). */
  readonly keys: DataKeys;
  readonly dossiers: DossierRepository;
  readonly pages: PageRepository;
  readonly catalog: CatalogRepository;
  readonly codes: CodeRepository;
  readonly results: ResultRepository;
  readonly accounts: AccountRepository;
  readonly retention: RetentionRepository;
  readonly audit: AuditLog;
  readonly search: SearchService;
  private readonly indexer: SearchIndexer;
  private readonly now: () => Date;

  constructor(dataDir: string, db: Db, now: () => Date, keys: DataKeys) {
    this.dataDir = dataDir;
    this.db = db;
    this.now = now;
    this.keys = keys;
    this.blobs = new BlobStore(join(dataDir, BLOB_DIR), keys);
    this.dossiers = new DossierRepository(db);
    this.pages = new PageRepository(db);
    this.catalog = new CatalogRepository(db);
    this.codes = new CodeRepository(db);
    this.results = new ResultRepository(db);
    this.accounts = new AccountRepository(db);
    this.retention = new RetentionRepository(db);
    this.audit = new AuditLog(db);
    this.indexer = new SearchIndexer(db);
    this.search = new SearchService(db, this.dossiers);
  }

  /** Runs `fn` in one write transaction (BEGIN IMMEDIATE): all of it commits, or none. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  /**
   * Creates a dossier with the next code for its receiving agency and reception day (a leased
   * official code, else a provisional one), its components, its search entry and audit row.
   */
  createDossier(
    record: NewDossierRecord,
    actor: string,
  ): { dossier: ReturnType<DossierRepository['require']>; components: DossierComponent[] } {
    return this.transaction(() => {
      const now = this.stamp();
      const day = record.NgayTiepNhan.slice(2, 8);
      const { components, MaHoSo: given, ...fields } = record;
      if (given) {
        assertOfficialDossierCode(given);
        this.codes.assertAvailable(given);
      }
      const taken = given
        ? { code: given, provisional: false }
        : this.codes.take(record.NoiNopHoSo, day);
      const dossier = this.dossiers.insert(
        { ...fields, MaHoSo: taken.code, provisional: taken.provisional },
        now,
      );
      if (!taken.provisional) this.codes.markUsed(taken.code, dossier.id, now);
      const created = components.map((c, i) =>
        this.dossiers.addComponent({ ...c, dossierId: dossier.id, position: i + 1 }),
      );
      this.indexer.indexDossier(dossier);
      this.audit.append(
        {
          actor,
          action: 'dossier.create',
          dossierId: dossier.id,
          MaHoSo: dossier.MaHoSo,
          details: { MaTTHC: dossier.MaTTHC, provisional: taken.provisional },
        },
        now,
      );
      return { dossier, components: created };
    });
  }

  /** Replaces a provisional code by the official one everywhere, in one transaction. */
  replaceProvisionalCode(provisionalCode: string, officialCode: string, actor: string): void {
    if (!isProvisionalDossierCode(provisionalCode)) {
      throw new AppError(
        'VALIDATION',
        {
          vi: `"${provisionalCode}" không phải mã hồ sơ tạm`,
          en: `"${provisionalCode}" is not a provisional dossier code`,
        },
        { details: { provisionalCode } },
      );
    }
    assertOfficialDossierCode(officialCode);
    this.transaction(() => {
      const now = this.stamp();
      const dossier = this.dossiers.requireByCode(provisionalCode);
      this.codes.assertAvailable(officialCode);
      this.dossiers.setCode(dossier.id, officialCode, false, now);
      this.codes.markUsed(officialCode, dossier.id, now);
      this.indexer.indexDossier(this.dossiers.require(dossier.id));
      this.audit.append(
        {
          actor,
          action: 'dossier.code.replace',
          dossierId: dossier.id,
          MaHoSo: officialCode,
          details: { from: provisionalCode, to: officialCode },
        },
        now,
      );
    });
  }

  addDocument(componentId: number, title: string, actor: string): DossierDocument {
    return this.transaction(() => {
      const component = this.dossiers.component(componentId);
      const doc = this.dossiers.addDocument(componentId, title, this.stamp());
      this.audit.append(
        {
          actor,
          action: 'document.add',
          dossierId: component.dossierId,
          details: { componentId, documentId: doc.id, title },
        },
        this.stamp(),
      );
      return doc;
    });
  }

  /**
   * Stores a page: the blob is written durably first, then the blob row and the page row commit
   * together. A crash in between leaves only an unreferenced file, which GC removes.
   */
  addPage(input: NewPage): Page {
    const blob = this.blobs.put(input.bytes);
    return this.transaction(() => {
      const now = this.stamp();
      const documentId = input.documentId ?? this.documentForComponent(input.componentId, now);
      // A GC in another process may have removed an identical, unreferenced file meanwhile.
      this.blobs.restore(blob.sha256, input.bytes);
      prepared(
        this.db,
        'INSERT INTO blobs (sha256, size, created_at) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
      ).run(blob.sha256, blob.size, now);
      this.dossiers.dossierOfDocument(documentId);
      return this.pages.insert({
        documentId,
        blobSha256: blob.sha256,
        mime: input.mime,
        acquiredAt: now,
        ...(input.width !== undefined ? { width: input.width } : {}),
        ...(input.height !== undefined ? { height: input.height } : {}),
        ...(input.dpi !== undefined ? { dpi: input.dpi } : {}),
        ...(input.rotation !== undefined ? { rotation: input.rotation } : {}),
        ...(input.blank !== undefined ? { blank: input.blank } : {}),
        ...(input.needsReview !== undefined ? { needsReview: input.needsReview } : {}),
      });
    });
  }

  private documentForComponent(componentId: number | undefined, now: string): number {
    if (componentId === undefined) {
      throw new AppError('VALIDATION', {
        vi: 'Cần chỉ rõ tài liệu hoặc thành phần hồ sơ của trang',
        en: 'A page needs a document or a component',
      });
    }
    const component = this.dossiers.component(componentId);
    const last = this.dossiers.documents(componentId).at(-1);
    return last?.id ?? this.dossiers.addDocument(componentId, component.TenThanhPhanHoSo, now).id;
  }

  readPage(pageId: number): { page: Page; bytes: Buffer } {
    const page = this.pages.require(pageId);
    return { page, bytes: this.blobs.read(page.blobSha256) };
  }

  /** Stores OCR text and words of a page and indexes the text for search, together. */
  setPageOcr(ocr: PageOcr): void {
    this.transaction(() => {
      const page = this.pages.require(ocr.pageId);
      const dossierId = this.dossiers.dossierOfDocument(page.documentId);
      this.pages.setOcr({ ...ocr, text: ocr.text.normalize('NFC') }, this.stamp());
      this.indexer.indexPage(page.id, dossierId, ocr.text.normalize('NFC'));
    });
  }

  /**
   * Replaces the fields extracted from one page (or, with no page, typed by the clerk for the
   * dossier) by `fields`, together.
   */
  setExtractedFields(
    dossierId: number,
    pageId: number | undefined,
    fields: ReadonlyArray<Pick<ExtractedField, 'name' | 'value' | 'confidence'>>,
  ): void {
    this.transaction(() => {
      this.dossiers.require(dossierId);
      prepared(this.db, 'DELETE FROM extracted_fields WHERE dossier_id = ? AND page_id IS ?').run(
        dossierId,
        pageId ?? null,
      );
      const insert = prepared(
        this.db,
        'INSERT INTO extracted_fields (dossier_id, page_id, name, value, confidence) VALUES (?, ?, ?, ?, ?)',
      );
      for (const f of fields)
        insert.run(dossierId, pageId ?? null, f.name, f.value.normalize('NFC'), f.confidence);
    });
  }

  extractedFields(dossierId: number): ExtractedField[] {
    const rows = prepared(
      this.db,
      'SELECT dossier_id, page_id, name, value, confidence FROM extracted_fields WHERE dossier_id = ? ORDER BY id',
    ).all(dossierId) as Array<{
      dossier_id: number;
      page_id: number | null;
      name: string;
      value: string;
      confidence: number;
    }>;
    return rows.map((r) => ({
      dossierId: r.dossier_id,
      name: r.name,
      value: r.value,
      confidence: r.confidence,
      ...(r.page_id !== null ? { pageId: r.page_id } : {}),
    }));
  }

  /** Stores a result document (blob + row) for reuse by the owner's next procedure. */
  addResult(
    input: Omit<NewResult, 'blobSha256'> & { bytes: Uint8Array },
    actor: string,
  ): DossierResult {
    const { bytes, ...fields } = input;
    const blob = this.blobs.put(bytes);
    return this.transaction(() => {
      const now = this.stamp();
      this.blobs.restore(blob.sha256, bytes);
      prepared(
        this.db,
        'INSERT INTO blobs (sha256, size, created_at) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
      ).run(blob.sha256, blob.size, now);
      const result = this.results.insert({ ...fields, blobSha256: blob.sha256 }, now);
      this.audit.append(
        {
          actor,
          action: 'result.add',
          ...(result.dossierId !== undefined ? { dossierId: result.dossierId } : {}),
          details: { resultId: result.id, TenGiayTo: result.TenGiayTo },
        },
        now,
      );
      return result;
    });
  }

  /** Appends an audit row on its own (actions that are not store changes, e.g. an export). */
  record(entry: AuditEntry): void {
    this.transaction(() => this.audit.append(entry, this.stamp()));
  }

  getSetting(key: string): string | undefined {
    return (
      prepared(this.db, 'SELECT value FROM settings WHERE key = ?').get(key) as
        { value: string } | undefined
    )?.value;
  }

  setSetting(key: string, value: string): void {
    prepared(
      this.db,
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
  }

  /** Adds or replaces the catalog's agencies and procedures, all or nothing. */
  importCatalog(catalog: Catalog): void {
    this.transaction(() => this.catalog.upsert(catalog));
  }

  rebuildSearchIndex(): void {
    this.transaction(() =>
      this.indexer.rebuild(
        prepared(this.db, 'SELECT id FROM dossiers')
          .all()
          .map((r) => this.dossiers.require((r as { id: number }).id)),
      ),
    );
  }

  /** Recounts blob references from the rows and rebuilds the search index (doctor --repair). */
  repair(): void {
    this.transaction(() => recountBlobRefs(this.db));
    this.rebuildSearchIndex();
  }

  gc(orphanGraceMs?: number): GcReport {
    return collectGarbage(this.db, this.blobs, orphanGraceMs);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export interface OpenStoreOptions extends OpenKeysOptions {
  /** Clock for timestamps (tests). */
  now?: () => Date;
}

/** Opens (creating if needed) the store of `dataDir` and brings its schema up to date. */
export async function openStore(dataDir: string, options: OpenStoreOptions = {}): Promise<Store> {
  mkdirSync(dataDir, { recursive: true });
  const keys = openDataKeys(dataDir, options);
  const db = openDatabase(join(dataDir, DATABASE_FILE), {
    keys: keys.databaseKeys(),
    plain: keys.currentId === null,
  });
  try {
    await migrate(db);
    ensureBlobRefTriggers(db);
    const store = new Store(dataDir, db, options.now ?? (() => new Date()), keys);
    recoverTrash(db, store.blobs);
    return store;
  } catch (error) {
    db.close();
    throw error;
  }
}
