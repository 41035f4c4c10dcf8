/**
 * The reference gateway's data rules over its SQLite file: tokens, finished files, code
 * issuing, idempotent dossier revisions and the catalog. HTTP lives in the route modules.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Agency, Dossier, Procedure } from '../contract/index.js';
import { toGatewayTimestamp } from '../../domain/index.js';
import type { GatewayDb } from './database.js';

export interface FinishedFile {
  id: string;
  sha256: string;
  size: number;
  filename: string;
  mime: string;
}

export type PutOutcome =
  | { kind: 'created' | 'updated' | 'unchanged'; revision: number }
  | { kind: 'conflict'; revision: number };

/** Key order must not make two equal dossiers look different. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export class GatewayRepository {
  constructor(
    private readonly db: GatewayDb,
    private readonly now: () => number,
  ) {}

  seedCatalog(agencies: Agency[], procedures: Procedure[]): void {
    const stamp = toGatewayTimestamp(new Date(this.now()));
    const addAgency = this.db.prepare(
      'INSERT OR IGNORE INTO agencies (ma_dinh_danh, body) VALUES (?, ?)',
    );
    const addProcedure = this.db.prepare(
      'INSERT OR IGNORE INTO procedures (ma_tthc, body, updated_at) VALUES (?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const a of agencies) addAgency.run(a.MaDinhDanh, JSON.stringify(a));
      for (const p of procedures) addProcedure.run(p.MaTTHC, JSON.stringify(p), stamp);
    })();
  }

  /** Adds or replaces a procedure (a catalog change the stations pick up at their next refresh). */
  upsertProcedure(procedure: Procedure): void {
    this.db
      .prepare(
        `INSERT INTO procedures (ma_tthc, body, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(ma_tthc) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
      )
      .run(procedure.MaTTHC, JSON.stringify(procedure), toGatewayTimestamp(new Date(this.now())));
  }

  agencies(): { version: string; items: Agency[] } {
    const rows = this.db.prepare('SELECT body FROM agencies ORDER BY ma_dinh_danh').all() as {
      body: string;
    }[];
    const items = rows.map((r) => JSON.parse(r.body) as Agency);
    return {
      version: createHash('sha256').update(canonicalJson(items)).digest('hex').slice(0, 16),
      items,
    };
  }

  procedures(updatedSince?: string): { version: string; items: Procedure[] } {
    const rows = (
      updatedSince
        ? this.db
            .prepare('SELECT body FROM procedures WHERE updated_at > ? ORDER BY ma_tthc')
            .all(updatedSince)
        : this.db.prepare('SELECT body FROM procedures ORDER BY ma_tthc').all()
    ) as { body: string }[];
    const latest = this.db.prepare('SELECT max(updated_at) AS v FROM procedures').get() as {
      v: string | null;
    };
    return { version: latest.v ?? '0', items: rows.map((r) => JSON.parse(r.body) as Procedure) };
  }

  hasProcedure(maTTHC: string): boolean {
    return this.db.prepare('SELECT 1 FROM procedures WHERE ma_tthc = ?').get(maTTHC) !== undefined;
  }

  hasAgency(code: string): boolean {
    return this.db.prepare('SELECT 1 FROM agencies WHERE ma_dinh_danh = ?').get(code) !== undefined;
  }

  issueToken(clientId: string, maDonVi: string, ttlSeconds: number): string {
    const token = randomBytes(24).toString('base64url');
    this.db
      .prepare('INSERT INTO tokens (token, client_id, ma_don_vi, expires_at) VALUES (?, ?, ?, ?)')
      .run(token, clientId, maDonVi, this.now() + ttlSeconds * 1000);
    this.db.prepare('DELETE FROM tokens WHERE expires_at < ?').run(this.now());
    return token;
  }

  tokenOwner(token: string): { clientId: string; maDonVi: string } | undefined {
    const row = this.db
      .prepare('SELECT client_id, ma_don_vi, expires_at FROM tokens WHERE token = ?')
      .get(token) as { client_id: string; ma_don_vi: string; expires_at: number } | undefined;
    if (!row || row.expires_at <= this.now()) return undefined;
    return { clientId: row.client_id, maDonVi: row.ma_don_vi };
  }

  recordFile(file: FinishedFile): void {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO files (id, sha256, size, filename, mime, finished_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(file.id, file.sha256, file.size, file.filename, file.mime, this.now());
  }

  file(id: string): FinishedFile | undefined {
    return this.db
      .prepare('SELECT id, sha256, size, filename, mime FROM files WHERE id = ?')
      .get(id) as FinishedFile | undefined;
  }

  /** Issues the next `count` codes of the agency's daily sequence (NNNN ≤ 9999). */
  leaseCodes(clientId: string, maDonVi: string, day: string, count: number): string[] | undefined {
    return this.db.transaction(() => {
      const row = this.db
        .prepare('SELECT last FROM code_counters WHERE ma_don_vi = ? AND ngay = ?')
        .get(maDonVi, day) as { last: number } | undefined;
      const first = (row?.last ?? 0) + 1;
      const last = first + count - 1;
      if (last > 9999) return undefined;
      this.db
        .prepare(
          `INSERT INTO code_counters (ma_don_vi, ngay, last) VALUES (?, ?, ?)
           ON CONFLICT(ma_don_vi, ngay) DO UPDATE SET last = excluded.last`,
        )
        .run(maDonVi, day, last);
      const issue = this.db.prepare(
        'INSERT INTO issued_codes (ma_ho_so, client_id, issued_at) VALUES (?, ?, ?)',
      );
      const codes: string[] = [];
      for (let n = first; n <= last; n += 1) {
        const code = `${maDonVi}-${day}-${String(n).padStart(4, '0')}`;
        issue.run(code, clientId, this.now());
        codes.push(code);
      }
      return codes;
    })();
  }

  wasIssued(code: string): boolean {
    return this.db.prepare('SELECT 1 FROM issued_codes WHERE ma_ho_so = ?').get(code) !== undefined;
  }

  /**
   * Idempotent create-or-update: the same body again is `unchanged` (no new revision, whatever
   * If-Match says, so a retry after a lost answer is harmless); a different body is the next
   * revision unless If-Match names a revision that is no longer current.
   */
  putDossier(dossier: Dossier, ifMatch: string | undefined): PutOutcome {
    const body = canonicalJson(dossier);
    const bodyHash = createHash('sha256').update(body).digest('hex');
    return this.db.transaction((): PutOutcome => {
      const current = this.db
        .prepare('SELECT revision, body_hash FROM dossiers WHERE ma_ho_so = ?')
        .get(dossier.MaHoSo) as { revision: number; body_hash: string } | undefined;
      if (current && current.body_hash === bodyHash)
        return { kind: 'unchanged', revision: current.revision };
      if (current && ifMatch !== undefined && ifMatch !== String(current.revision)) {
        return { kind: 'conflict', revision: current.revision };
      }
      const revision = (current?.revision ?? 0) + 1;
      const at = this.now();
      this.db
        .prepare(
          `INSERT INTO dossiers (ma_ho_so, revision, body_hash, body, status, updated_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(ma_ho_so) DO UPDATE SET revision = excluded.revision, body_hash = excluded.body_hash,
             body = excluded.body, updated_at = excluded.updated_at`,
        )
        .run(dossier.MaHoSo, revision, bodyHash, body, dossier.TrangThaiHoSo, at);
      this.db
        .prepare(
          'INSERT INTO dossier_revisions (ma_ho_so, revision, body_hash, body, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(dossier.MaHoSo, revision, bodyHash, body, at);
      return { kind: current ? 'updated' : 'created', revision };
    })();
  }

  /** The dossier as the province holds it: the last body sent, with the province's status. */
  dossier(code: string): (Dossier & { PhienBan: string }) | undefined {
    const row = this.db
      .prepare('SELECT revision, body, status FROM dossiers WHERE ma_ho_so = ?')
      .get(code) as { revision: number; body: string; status: number } | undefined;
    if (!row) return undefined;
    return {
      ...(JSON.parse(row.body) as Dossier),
      TrangThaiHoSo: row.status,
      PhienBan: String(row.revision),
    };
  }

  /** The province moves a dossier along its workflow (TrangThaiHoSo 1…10). */
  setStatus(code: string, status: number): boolean {
    return (
      this.db.prepare('UPDATE dossiers SET status = ? WHERE ma_ho_so = ?').run(status, code)
        .changes === 1
    );
  }

  /** Counts for checks and trials: dossiers, revisions per dossier (max), finished files. */
  summary(): { dossiers: number; revisions: number; maxRevision: number; files: number } {
    const d = this.db
      .prepare('SELECT count(*) AS n, coalesce(max(revision), 0) AS m FROM dossiers')
      .get() as {
      n: number;
      m: number;
    };
    const r = this.db.prepare('SELECT count(*) AS n FROM dossier_revisions').get() as { n: number };
    const f = this.db.prepare('SELECT count(*) AS n FROM files').get() as { n: number };
    return { dossiers: d.n, revisions: r.n, maxRevision: d.m, files: f.n };
  }

  dossierCodes(): string[] {
    return (
      this.db.prepare('SELECT ma_ho_so FROM dossiers ORDER BY ma_ho_so').all() as {
        ma_ho_so: string;
      }[]
    ).map((r) => r.ma_ho_so);
  }
}
