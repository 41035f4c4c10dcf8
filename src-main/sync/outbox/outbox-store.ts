/**
 * The outbox tables (migration 300). Every state change is one committed statement or
 * transaction, written before the step it announces is attempted, so a process killed at any
 * point restarts exactly where it was: an upload URL is saved before the first byte is sent,
 * the official code before it is used, `sent` before the PUT leaves.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { invalidInput, isProvisionalDossierCode } from '../../domain/index.js';
import type { DossierDraft, LocalFile, OutboxEntryInput } from './entry.js';
import { OutboxEntry } from './entry.js';

export const OUTBOX_STATES = [
  'queued',
  'uploading',
  'files_done',
  'sent',
  'needs_attention',
] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export interface OutboxItem {
  id: number;
  dossierId: number | null;
  code: string;
  provisional: boolean;
  officialCode: string | null;
  codeApplied: boolean;
  state: OutboxState;
  dossier: DossierDraft;
  baseRevision: string | null;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  attention: string | null;
}

export interface OutboxFile extends LocalFile {
  position: number;
  uploadUrl: string | null;
  fileId: string | null;
  rejections: number;
}

interface ItemRow {
  id: number;
  dossier_id: number | null;
  MaHoSo: string;
  provisional: number;
  official_code: string | null;
  code_applied: number;
  state: OutboxState;
  payload: string;
  base_revision: string | null;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  attention: string | null;
}

const iso = (ms: number): string => new Date(ms).toISOString();

function toItem(row: ItemRow): OutboxItem {
  return {
    id: row.id,
    dossierId: row.dossier_id,
    code: row.MaHoSo,
    provisional: row.provisional === 1,
    officialCode: row.official_code,
    codeApplied: row.code_applied === 1,
    state: row.state,
    dossier: JSON.parse(row.payload) as DossierDraft,
    baseRevision: row.base_revision,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    attention: row.attention,
  };
}

export function payloadHash(dossier: unknown): string {
  return createHash('sha256').update(JSON.stringify(dossier)).digest('hex');
}

export class OutboxStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  /**
   * Puts a dossier in the outbox, or replaces the waiting version of it (an edit before it was
   * sent). Files already uploaded for the same bytes keep their upload, so an edit does not
   * re-send them.
   */
  enqueue(input: OutboxEntryInput): OutboxItem {
    const parsed = OutboxEntry.safeParse(input);
    if (!parsed.success) {
      throw invalidInput(
        { vi: 'Hồ sơ đưa vào hàng đợi đồng bộ', en: 'dossier for the sync outbox' },
        parsed.error.issues,
      );
    }
    const entry = parsed.data;
    const at = iso(this.now());
    const code = entry.dossier.MaHoSo;
    return this.db.transaction(() => {
      const existing = this.db
        .prepare('SELECT * FROM sync_outbox WHERE MaHoSo = ? OR official_code = ?')
        .get(code, code) as ItemRow | undefined;
      const previousFiles = existing ? this.files(existing.id) : [];
      let id: number;
      if (existing) {
        id = existing.id;
        this.db
          .prepare(
            `UPDATE sync_outbox SET dossier_id = ?, payload = ?, base_revision = ?, state = 'queued', attempts = 0,
               next_attempt_at = 0, last_error = NULL, attention = NULL, updated_at = ? WHERE id = ?`,
          )
          .run(entry.dossierId, JSON.stringify(entry.dossier), entry.baseRevision, at, id);
        this.db.prepare('DELETE FROM sync_outbox_files WHERE outbox_id = ?').run(id);
      } else {
        id = Number(
          this.db
            .prepare(
              `INSERT INTO sync_outbox (dossier_id, MaHoSo, provisional, payload, base_revision, enqueued_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              entry.dossierId,
              code,
              isProvisionalDossierCode(code) ? 1 : 0,
              JSON.stringify(entry.dossier),
              entry.baseRevision,
              at,
              at,
            ).lastInsertRowid,
        );
      }
      const insert = this.db.prepare(
        `INSERT INTO sync_outbox_files (outbox_id, position, path, sha256, size, filename, mime, upload_url, file_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      entry.files.forEach((file, position) => {
        const uploaded = this.db
          .prepare('SELECT file_id FROM sync_uploaded_files WHERE sha256 = ?')
          .get(file.sha256) as { file_id: string } | undefined;
        const reuse = uploaded
          ? { uploadUrl: null, fileId: uploaded.file_id }
          : previousFiles.find((f) => f.sha256 === file.sha256 && (f.fileId || f.uploadUrl));
        insert.run(
          id,
          position,
          file.path,
          file.sha256,
          file.size,
          file.filename,
          file.mime,
          reuse?.uploadUrl ?? null,
          reuse?.fileId ?? null,
        );
      });
      return this.get(id) as OutboxItem;
    })();
  }

  get(id: number): OutboxItem | undefined {
    const row = this.db.prepare('SELECT * FROM sync_outbox WHERE id = ?').get(id) as
      ItemRow | undefined;
    return row ? toItem(row) : undefined;
  }

  byCode(code: string): OutboxItem | undefined {
    const row = this.db
      .prepare('SELECT * FROM sync_outbox WHERE MaHoSo = ? OR official_code = ?')
      .get(code, code) as ItemRow | undefined;
    return row ? toItem(row) : undefined;
  }

  /** Items whose next attempt is due, oldest first; `needs_attention` waits for a person. */
  due(limit: number): OutboxItem[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM sync_outbox WHERE state <> 'needs_attention' AND next_attempt_at <= ?
         ORDER BY next_attempt_at, id LIMIT ?`,
      )
      .all(this.now(), limit) as ItemRow[];
    return rows.map(toItem);
  }

  /** When the next waiting item becomes due (ms epoch), or undefined when none waits. */
  nextDueAt(): number | undefined {
    const row = this.db
      .prepare(
        `SELECT min(next_attempt_at) AS at FROM sync_outbox WHERE state <> 'needs_attention'`,
      )
      .get() as { at: number | null };
    return row.at ?? undefined;
  }

  all(): OutboxItem[] {
    return (this.db.prepare('SELECT * FROM sync_outbox ORDER BY id').all() as ItemRow[]).map(
      toItem,
    );
  }

  files(id: number): OutboxFile[] {
    const rows = this.db
      .prepare('SELECT * FROM sync_outbox_files WHERE outbox_id = ? ORDER BY position')
      .all(id) as Array<{
      position: number;
      path: string;
      sha256: string;
      size: number;
      filename: string;
      mime: string;
      upload_url: string | null;
      file_id: string | null;
      rejections: number;
    }>;
    return rows.map((r) => ({
      position: r.position,
      path: r.path,
      sha256: r.sha256,
      size: r.size,
      filename: r.filename,
      mime: r.mime,
      uploadUrl: r.upload_url,
      fileId: r.file_id,
      rejections: r.rejections,
    }));
  }

  setState(id: number, state: OutboxState): void {
    this.db
      .prepare('UPDATE sync_outbox SET state = ?, updated_at = ? WHERE id = ?')
      .run(state, iso(this.now()), id);
  }

  setOfficialCode(id: number, code: string): void {
    this.db
      .prepare(
        'UPDATE sync_outbox SET official_code = ?, updated_at = ? WHERE id = ? AND official_code IS NULL',
      )
      .run(code, iso(this.now()), id);
  }

  markCodeApplied(id: number): void {
    this.db
      .prepare('UPDATE sync_outbox SET code_applied = 1, updated_at = ? WHERE id = ?')
      .run(iso(this.now()), id);
  }

  setUploadUrl(id: number, position: number, url: string): void {
    this.db
      .prepare('UPDATE sync_outbox_files SET upload_url = ? WHERE outbox_id = ? AND position = ?')
      .run(url, id, position);
  }

  setFileId(id: number, position: number, fileId: string): void {
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE sync_outbox_files SET file_id = ? WHERE outbox_id = ? AND position = ?')
        .run(fileId, id, position);
      this.db
        .prepare(
          `INSERT INTO sync_uploaded_files (sha256, file_id, uploaded_at)
           SELECT sha256, ?, ? FROM sync_outbox_files WHERE outbox_id = ? AND position = ?
           ON CONFLICT(sha256) DO UPDATE SET file_id = excluded.file_id, uploaded_at = excluded.uploaded_at`,
        )
        .run(fileId, iso(this.now()), id, position);
    })();
  }

  /** The province refused the bytes (460): forget the upload so the file is sent afresh. */
  fileRejected(id: number, position: number): number {
    this.db
      .prepare(
        'DELETE FROM sync_uploaded_files WHERE sha256 = (SELECT sha256 FROM sync_outbox_files WHERE outbox_id = ? AND position = ?)',
      )
      .run(id, position);
    this.db
      .prepare(
        'UPDATE sync_outbox_files SET upload_url = NULL, file_id = NULL, rejections = rejections + 1 WHERE outbox_id = ? AND position = ?',
      )
      .run(id, position);
    const row = this.db
      .prepare('SELECT rejections FROM sync_outbox_files WHERE outbox_id = ? AND position = ?')
      .get(id, position) as { rejections: number };
    return row.rejections;
  }

  scheduleRetry(id: number, nextAttemptAt: number, error: string, countAttempt: boolean): void {
    this.db
      .prepare(
        `UPDATE sync_outbox SET attempts = attempts + ?, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?`,
      )
      .run(countAttempt ? 1 : 0, nextAttemptAt, error, iso(this.now()), id);
  }

  needsAttention(id: number, message: string): void {
    this.db
      .prepare(
        `UPDATE sync_outbox SET state = 'needs_attention', attention = ?, last_error = ?, updated_at = ? WHERE id = ?`,
      )
      .run(message, message, iso(this.now()), id);
  }

  /** A person has dealt with it (or wants another try): back to the queue, keeping uploads. */
  retry(code: string): OutboxItem | undefined {
    const item = this.byCode(code);
    if (!item) return undefined;
    this.db
      .prepare(
        `UPDATE sync_outbox SET state = CASE WHEN state = 'needs_attention' THEN 'queued' ELSE state END,
           attention = NULL, attempts = 0, next_attempt_at = 0, updated_at = ? WHERE id = ?`,
      )
      .run(iso(this.now()), item.id);
    return this.get(item.id);
  }

  /** The province has it: record the receipt and leave the outbox, in one transaction. */
  acknowledge(item: OutboxItem, sentCode: string, revision: string, sentPayload: unknown): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO sync_receipts (MaHoSo, dossier_id, provisional_code, PhienBan, payload_sha256, acknowledged_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(MaHoSo) DO UPDATE SET PhienBan = excluded.PhienBan, payload_sha256 = excluded.payload_sha256,
             acknowledged_at = excluded.acknowledged_at`,
        )
        .run(
          sentCode,
          item.dossierId,
          item.provisional ? item.code : null,
          revision,
          payloadHash(sentPayload),
          iso(this.now()),
        );
      this.db.prepare('DELETE FROM sync_outbox WHERE id = ?').run(item.id);
    })();
  }

  counts(): Record<OutboxState, number> {
    const counts = Object.fromEntries(OUTBOX_STATES.map((s) => [s, 0])) as Record<
      OutboxState,
      number
    >;
    const rows = this.db
      .prepare('SELECT state, count(*) AS n FROM sync_outbox GROUP BY state')
      .all() as Array<{
      state: OutboxState;
      n: number;
    }>;
    for (const row of rows) counts[row.state] = row.n;
    return counts;
  }

  receipts(): Array<{
    MaHoSo: string;
    PhienBan: string;
    provisionalCode: string | null;
    acknowledgedAt: string;
  }> {
    return (
      this.db
        .prepare(
          'SELECT MaHoSo, PhienBan, provisional_code, acknowledged_at FROM sync_receipts ORDER BY MaHoSo',
        )
        .all() as Array<{
        MaHoSo: string;
        PhienBan: string;
        provisional_code: string | null;
        acknowledged_at: string;
      }>
    ).map((r) => ({
      MaHoSo: r.MaHoSo,
      PhienBan: r.PhienBan,
      provisionalCode: r.provisional_code,
      acknowledgedAt: r.acknowledged_at,
    }));
  }

  receipt(code: string): { PhienBan: string } | undefined {
    return this.db.prepare('SELECT PhienBan FROM sync_receipts WHERE MaHoSo = ?').get(code) as
      { PhienBan: string } | undefined;
  }

  setRemoteStatus(code: string, status: number, revision: string): void {
    this.db
      .prepare(
        `INSERT INTO sync_remote_status (MaHoSo, TrangThaiHoSo, PhienBan, fetched_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(MaHoSo) DO UPDATE SET TrangThaiHoSo = excluded.TrangThaiHoSo, PhienBan = excluded.PhienBan,
           fetched_at = excluded.fetched_at`,
      )
      .run(code, status, revision, iso(this.now()));
  }

  remoteStatuses(): Array<{
    MaHoSo: string;
    TrangThaiHoSo: number;
    PhienBan: string;
    fetchedAt: string;
  }> {
    return (
      this.db
        .prepare(
          'SELECT MaHoSo, TrangThaiHoSo, PhienBan, fetched_at FROM sync_remote_status ORDER BY MaHoSo',
        )
        .all() as Array<{
        MaHoSo: string;
        TrangThaiHoSo: number;
        PhienBan: string;
        fetched_at: string;
      }>
    ).map((r) => ({
      MaHoSo: r.MaHoSo,
      TrangThaiHoSo: r.TrangThaiHoSo,
      PhienBan: r.PhienBan,
      fetchedAt: r.fetched_at,
    }));
  }

  readState<T>(key: string): T | undefined {
    const row = this.db.prepare('SELECT value FROM sync_state WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  writeState(key: string, value: unknown): void {
    this.db
      .prepare(
        'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, JSON.stringify(value));
  }
}
