/**
 * `sohoa key rotate` and `sohoa key encrypt`: moving a data folder to a new data key (or from no
 * key to one) in place, resumable at every step. The new key is made and stored (and escrowed)
 * before anything is sealed with it, and the old one is forgotten only after nothing needs it:
 *
 *   1. a new key becomes `pending` in encryption.json (the keychain holds both);
 *   2. the database is re-encrypted as a whole (copy, rekey, rename: one key or the other);
 *   3. every blob is re-sealed, file by file (write, rename: one key or the other);
 *   4. so are the other sealed files of the folder (spools, imported packages: folder-files.ts);
 *   5. `pending` becomes `current` and the old key is deleted (a key made or forgotten when the
 *      process died is listed as `unused` and deleted by the next change).
 *
 * A kill anywhere leaves a folder that opens with the keys encryption.json names; running the
 * command again continues from where it stopped (files already sealed with the new key are
 * skipped).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../domain/index.js';
import { rekeyDatabaseFile } from '../connection.js';
import { openStore } from '../store.js';
import { resealFolderFiles } from './folder-files.js';
import { DATABASE_FILE, openDataKeys, recoveryPublicKey } from './open-keys.js';
import type { OpenKeysOptions } from './open-keys.js';

export interface KeyChangeProgress {
  phase: 'database' | 'blobs' | 'files' | 'done';
  done: number;
  total: number;
}

export interface KeyChangeReport {
  /** The key the folder was sealed with before (null: it was plain). */
  from: string | null;
  to: string;
  resumed: boolean;
  databaseRekeyed: boolean;
  blobsResealed: number;
  blobsTotal: number;
  /** Spooled pages and imported packages (see folder-files.ts). */
  filesResealed: number;
}

export interface KeyChangeOptions extends OpenKeysOptions {
  /** 'rotate' needs an encrypted folder, 'encrypt' a plain one; either resumes a change under way. */
  mode: 'rotate' | 'encrypt';
  onProgress?: (progress: KeyChangeProgress) => void;
}

export async function changeDataKey(
  dataDir: string,
  options: KeyChangeOptions,
): Promise<KeyChangeReport> {
  if (!existsSync(join(dataDir, DATABASE_FILE))) {
    throw new AppError(
      'NOT_FOUND',
      {
        vi: `Thư mục ${dataDir} chưa có dữ liệu SoHoa`,
        en: `${dataDir} holds no SoHoa data yet`,
      },
      { details: { dataDir } },
    );
  }
  const env = options.env ?? process.env;
  const keys = openDataKeys(dataDir, options);
  const resumed = keys.pendingId !== undefined;
  if (!resumed && options.mode === 'encrypt' && keys.encrypted) {
    throw new AppError(
      'CONFLICT',
      {
        vi: `Dữ liệu trong ${dataDir} đã được mã hóa (đổi khóa: sohoa key rotate)`,
        en: `The data in ${dataDir} is already encrypted (to change its key: sohoa key rotate)`,
      },
      { details: { dataDir } },
    );
  }
  if (!resumed && options.mode === 'rotate' && !keys.encrypted) {
    throw new AppError(
      'CONFLICT',
      {
        vi: `Dữ liệu trong ${dataDir} chưa được mã hóa: chạy sohoa key encrypt trước`,
        en: `The data in ${dataDir} is not encrypted yet: run sohoa key encrypt first`,
      },
      { details: { dataDir } },
    );
  }
  const from = keys.currentId;
  const old = keys.databaseKeys();
  const to = keys.beginChange(() => recoveryPublicKey(dataDir, env));

  options.onProgress?.({ phase: 'database', done: 0, total: 1 });
  const databaseRekeyed = rekeyDatabaseFile(
    join(dataDir, DATABASE_FILE),
    { keys: old, plain: from === null },
    to,
  );
  options.onProgress?.({ phase: 'database', done: 1, total: 1 });

  const store = await openStore(dataDir, options);
  let blobsResealed = 0;
  let blobsTotal = 0;
  try {
    const blobs = [...store.blobs.list()];
    blobsTotal = blobs.length;
    for (const [i, blob] of blobs.entries()) {
      if (store.blobs.reseal(blob.sha256)) blobsResealed++;
      options.onProgress?.({ phase: 'blobs', done: i + 1, total: blobsTotal });
    }
  } finally {
    store.close();
  }
  const files = resealFolderFiles(dataDir, keys.keyFor, to, (done, total) =>
    options.onProgress?.({ phase: 'files', done, total }),
  );
  keys.finishChange();
  options.onProgress?.({ phase: 'done', done: 1, total: 1 });
  return {
    from,
    to: to.id,
    resumed,
    databaseRekeyed,
    blobsResealed,
    blobsTotal,
    filesResealed: files.resealed,
  };
}
