/**
 * Dossier codes on the store side. The sync engine leases blocks of official codes from the
 * gateway and hands them to `addLeases`; reception takes the lowest free leased code of the day,
 * or a provisional code when none is left. Both happen inside the caller's write transaction, so
 * concurrent creators (even in other processes) serialize on SQLite's write lock, and the UNIQUE
 * constraint on dossiers.MaHoSo is the last line of defence.
 */
import { AppError, assertOfficialDossierCode, formatDossierCode } from '../../domain/index.js';
import type { Db } from '../connection.js';
import { prepared } from '../statements.js';

export interface TakenCode {
  code: string;
  provisional: boolean;
}

export class CodeRepository {
  constructor(private readonly db: Db) {}

  /** Stores leased official codes; codes already known are ignored. Returns how many were new. */
  addLeases(codes: readonly string[], now: string): number {
    const parsed = codes.map((c) => ({ code: c, parts: assertOfficialDossierCode(c) }));
    const insert = prepared(
      this.db,
      'INSERT INTO code_leases (MaHoSo, agency, day, sequence, leased_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (MaHoSo) DO NOTHING',
    );
    let added = 0;
    for (const { code, parts } of parsed)
      added += insert.run(code, parts.agency, parts.day, parts.sequence, now).changes;
    return added;
  }

  /** Free leased codes for an agency and day. */
  freeLeases(agency: string, day: string): number {
    return (
      prepared(
        this.db,
        'SELECT count(*) AS n FROM code_leases WHERE agency = ? AND day = ? AND used_at IS NULL',
      ).get(agency, day) as { n: number }
    ).n;
  }

  /** Takes the next code for a dossier received today by `agency`; must run in a write transaction. */
  take(agency: string, day: string): TakenCode {
    const lease = prepared(
      this.db,
      'SELECT MaHoSo FROM code_leases WHERE agency = ? AND day = ? AND used_at IS NULL ORDER BY sequence LIMIT 1',
    ).get(agency, day) as { MaHoSo: string } | undefined;
    if (lease) return { code: lease.MaHoSo, provisional: false };
    const next = prepared(
      this.db,
      `INSERT INTO provisional_sequences (agency, day, last) VALUES (?, ?, 1)
         ON CONFLICT (agency, day) DO UPDATE SET last = last + 1 RETURNING last`,
    ).get(agency, day) as { last: number };
    return {
      code: formatDossierCode({ agency, day, sequence: next.last, provisional: true }),
      provisional: true,
    };
  }

  /** Marks a leased code used by a dossier (no-op for provisional codes). */
  markUsed(code: string, dossierId: number, now: string): void {
    prepared(
      this.db,
      'UPDATE code_leases SET used_at = ?, dossier_id = ? WHERE MaHoSo = ? AND used_at IS NULL',
    ).run(now, dossierId, code);
  }

  /** Ensures an official code given at sync is not already held by another dossier or lease. */
  assertAvailable(code: string): void {
    const taken = prepared(this.db, 'SELECT 1 FROM dossiers WHERE MaHoSo = ?').get(code);
    const leased = prepared(this.db, 'SELECT used_at FROM code_leases WHERE MaHoSo = ?').get(
      code,
    ) as { used_at: string | null } | undefined;
    if (taken || leased?.used_at) {
      throw new AppError(
        'CONFLICT',
        {
          vi: `Mã hồ sơ ${code} đã được dùng cho hồ sơ khác`,
          en: `Dossier code ${code} is already used by another dossier`,
        },
        { details: { code } },
      );
    }
  }
}
