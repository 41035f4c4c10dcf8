/** The `blobs` row a blob needs before a row references it (its bytes already written). */
import type { Db } from '../connection.js';
import { prepared } from '../statements.js';

export function insertBlobRow(db: Db, sha256: string, size: number, now: string): void {
  prepared(
    db,
    'INSERT INTO blobs (sha256, size, created_at) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
  ).run(sha256, size, now);
}
