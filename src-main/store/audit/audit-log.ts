/**
 * The audit log: who did what to which dossier, when. Each row's hash covers the previous row's
 * hash and the row's own fields, and `audit_head` holds the last sequence and hash, so editing,
 * deleting or inserting any row — including the last — breaks verification. Appends run inside
 * the caller's write transaction, so an action and its audit row commit together.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../connection.js';
import { prepared } from '../statements.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actor: string;
  action: string;
  dossierId?: number;
  MaHoSo?: string;
  details?: Record<string, unknown>;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  dossier_id: number | null;
  MaHoSo: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface AuditProblem {
  seq: number;
  problem: 'hash-mismatch' | 'chain-broken' | 'sequence-gap' | 'head-mismatch';
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  problems: AuditProblem[];
}

function rowHash(prev: string, r: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  const body = JSON.stringify([r.seq, r.at, r.actor, r.action, r.dossier_id, r.MaHoSo, r.details]);
  return createHash('sha256').update(prev).update('\n').update(body).digest('hex');
}

export class AuditLog {
  constructor(private readonly db: Db) {}

  append(entry: AuditEntry, at: string): AuditRow {
    const head = prepared(this.db, 'SELECT seq, hash FROM audit_head WHERE id = 1').get() as
      { seq: number; hash: string } | undefined;
    const base = {
      seq: (head?.seq ?? 0) + 1,
      at,
      actor: entry.actor,
      action: entry.action,
      dossier_id: entry.dossierId ?? null,
      MaHoSo: entry.MaHoSo ?? null,
      details: JSON.stringify(entry.details ?? {}),
    };
    const prev = head?.hash ?? GENESIS_HASH;
    const row: AuditRow = { ...base, prev_hash: prev, hash: rowHash(prev, base) };
    prepared(
      this.db,
      'INSERT INTO audit_log (seq, at, actor, action, dossier_id, MaHoSo, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      row.seq,
      row.at,
      row.actor,
      row.action,
      row.dossier_id,
      row.MaHoSo,
      row.details,
      row.prev_hash,
      row.hash,
    );
    prepared(
      this.db,
      'INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash',
    ).run(row.seq, row.hash);
    return row;
  }

  forDossier(dossierId: number): AuditRow[] {
    return prepared(this.db, 'SELECT * FROM audit_log WHERE dossier_id = ? ORDER BY seq').all(
      dossierId,
    ) as AuditRow[];
  }

  verify(): AuditVerification {
    const problems: AuditProblem[] = [];
    let prev = GENESIS_HASH;
    let expectedSeq = 1;
    let rows = 0;
    for (const r of prepared(
      this.db,
      'SELECT * FROM audit_log ORDER BY seq',
    ).iterate() as Iterable<AuditRow>) {
      rows += 1;
      if (r.seq !== expectedSeq) problems.push({ seq: r.seq, problem: 'sequence-gap' });
      if (r.prev_hash !== prev) problems.push({ seq: r.seq, problem: 'chain-broken' });
      if (rowHash(r.prev_hash, r) !== r.hash)
        problems.push({ seq: r.seq, problem: 'hash-mismatch' });
      prev = r.hash;
      expectedSeq = r.seq + 1;
    }
    const head = prepared(this.db, 'SELECT seq, hash FROM audit_head WHERE id = 1').get() as
      { seq: number; hash: string } | undefined;
    const lastSeq = expectedSeq - 1;
    if ((head?.seq ?? 0) !== lastSeq || (head?.hash ?? GENESIS_HASH) !== prev)
      problems.push({ seq: head?.seq ?? 0, problem: 'head-mismatch' });
    return { ok: problems.length === 0, rows, problems };
  }
}
