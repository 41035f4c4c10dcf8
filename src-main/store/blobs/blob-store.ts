/**
 * Content-addressed files: `<root>/<first two hex>/<sha256>`. A blob is written to a temp file,
 * fsynced, renamed into place and its folder fsynced, so a file under its final name is always
 * complete. Removal goes through `trash/` inside the deleting transaction (see gc.ts), so a crash
 * can leave at most an unreferenced file, never a row without its file.
 *
 * With the data folder's keys every file is sealed (AES-256-GCM, platform/keychain): page images
 * and PDFs are citizens' papers. The name stays the SHA-256 of the plain content, because rows,
 * the gateway (HashTepTin) and dedup all speak it; it reveals only whether someone who already
 * holds a given file would find the same one here. Plain files from before encryption still read.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../domain/index.js';
import {
  openFileBytes,
  plainFileSize,
  readPlainRange,
  sealBuffer,
  sealedKeyId,
  HEADER_BYTES,
  type DataKeys,
} from '../../platform/keychain/index.js';
import { processAlive } from '../../platform/process-alive.js';

const SHA256 = /^[0-9a-f]{64}$/;

export interface StoredBlob {
  sha256: string;
  size: number;
}

function fsyncDir(dir: string): void {
  // Directories cannot be opened for fsync on Windows; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export class BlobStore {
  readonly root: string;
  readonly tmpDir: string;
  readonly trashDir: string;
  readonly #keys: DataKeys | undefined;

  constructor(root: string, keys?: DataKeys) {
    this.root = root;
    this.#keys = keys;
    this.tmpDir = join(root, 'tmp');
    this.trashDir = join(root, 'trash');
    mkdirSync(this.tmpDir, { recursive: true });
    mkdirSync(this.trashDir, { recursive: true });
    this.removeStaleTemps();
  }

  static assertHash(sha256: string): void {
    if (!SHA256.test(sha256)) {
      throw new AppError(
        'VALIDATION',
        {
          vi: `Mã băm "${sha256}" không hợp lệ (64 ký tự hex)`,
          en: `Invalid blob hash "${sha256}" (64 hex characters)`,
        },
        { details: { sha256 } },
      );
    }
  }

  static hash(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  path(sha256: string): string {
    BlobStore.assertHash(sha256);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return existsSync(this.path(sha256));
  }

  /** Writes `bytes` durably unless the same content is already there. */
  put(bytes: Uint8Array): StoredBlob {
    const sha256 = BlobStore.hash(bytes);
    const target = this.path(sha256);
    if (!existsSync(target)) this.writeDurably(target, this.seal(bytes));
    return { sha256, size: bytes.byteLength };
  }

  /** Rewrites the file of a known blob (used when a concurrent GC moved it away). */
  restore(sha256: string, bytes: Uint8Array): void {
    const target = this.path(sha256);
    if (!existsSync(target)) this.writeDurably(target, this.seal(bytes));
  }

  /** The bytes to store for `plain`: sealed with the folder's current key, if it has one. */
  private seal(plain: Uint8Array): Uint8Array {
    const key = this.#keys?.writeKey();
    return key ? sealBuffer(key, plain) : plain;
  }

  private readonly keyFor = (keyId: string): Buffer => {
    if (!this.#keys) {
      throw new AppError(
        'KEY_MISSING',
        {
          vi: 'Tệp dữ liệu đã mã hóa nhưng không có khóa để mở',
          en: 'A blob is encrypted but no key was given to open it',
        },
        { details: { keyId, root: this.root } },
      );
    }
    return this.#keys.keyFor(keyId);
  };

  read(sha256: string): Buffer {
    let stored: Buffer;
    try {
      stored = readFileSync(this.path(sha256));
    } catch (error) {
      throw new AppError(
        'NOT_FOUND',
        { vi: `Không tìm thấy tệp dữ liệu ${sha256}`, en: `Blob ${sha256} is missing` },
        { details: { sha256 }, cause: error },
      );
    }
    return openFileBytes(stored, this.keyFor);
  }

  /** Size of the plain content (the stored file is larger when sealed). */
  size(sha256: string): number {
    return plainFileSize(this.path(sha256));
  }

  /** Plain bytes [start, end) of a blob, for resumable uploads that send it in chunks. */
  readRange(sha256: string, start: number, end: number): Buffer {
    return readPlainRange(this.path(sha256), this.keyFor, start, end);
  }

  /**
   * Whether the file exists and its content still hashes to its name. A sealed file that fails
   * authentication is corrupt; a missing key is not (it throws KEY_MISSING: the file may be fine).
   */
  verify(sha256: string): 'ok' | 'missing' | 'corrupt' {
    const file = this.path(sha256);
    if (!existsSync(file)) return 'missing';
    try {
      return BlobStore.hash(openFileBytes(readFileSync(file), this.keyFor)) === sha256
        ? 'ok'
        : 'corrupt';
    } catch (error) {
      if (error instanceof AppError && error.code === 'CORRUPT') return 'corrupt';
      throw error;
    }
  }

  /** The key id a blob file is sealed with (undefined: plain). */
  sealedWith(sha256: string): string | undefined {
    const fd = openSync(this.path(sha256), 'r');
    try {
      const head = Buffer.alloc(HEADER_BYTES);
      const n = readSync(fd, head, 0, HEADER_BYTES, 0);
      return sealedKeyId(head.subarray(0, n));
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Re-seals a blob with the folder's write key unless it already is (key rotation, encrypting a
   * plain folder). The new file replaces the old by rename, so a crash leaves one or the other.
   */
  reseal(sha256: string): boolean {
    const key = this.#keys?.writeKey();
    if (!key || this.sealedWith(sha256) === key.id) return false;
    const plain = this.read(sha256);
    if (BlobStore.hash(plain) !== sha256) {
      throw new AppError(
        'CORRUPT',
        {
          vi: `Tệp dữ liệu ${sha256} bị hỏng nên không mã hóa lại được`,
          en: `Blob ${sha256} is damaged and cannot be re-encrypted`,
        },
        { details: { sha256 } },
      );
    }
    this.writeDurably(this.path(sha256), sealBuffer(key, plain));
    return true;
  }

  /** Every blob file under its final name. */
  *list(): Generator<{ sha256: string; mtimeMs: number }> {
    for (const dir of readdirSync(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(dir)) continue;
      for (const name of readdirSync(join(this.root, dir))) {
        if (SHA256.test(name) && name.startsWith(dir)) {
          yield { sha256: name, mtimeMs: statSync(join(this.root, dir, name)).mtimeMs };
        }
      }
    }
  }

  /** Moves a blob to trash (undoable until `emptyTrash`). */
  moveToTrash(sha256: string): void {
    const from = this.path(sha256);
    if (existsSync(from)) renameSync(from, join(this.trashDir, sha256));
  }

  /** Puts a trashed blob back under its name. */
  restoreFromTrash(sha256: string): void {
    const from = join(this.trashDir, sha256);
    if (!existsSync(from)) return;
    mkdirSync(join(this.root, sha256.slice(0, 2)), { recursive: true });
    renameSync(from, this.path(sha256));
  }

  trashed(): string[] {
    return readdirSync(this.trashDir).filter((n) => SHA256.test(n));
  }

  removeFromTrash(sha256: string): void {
    rmSync(join(this.trashDir, sha256), { force: true });
  }

  /** Temp files of this process or of live processes; a crashed writer's leftovers are removed. */
  private removeStaleTemps(): void {
    for (const name of readdirSync(this.tmpDir)) {
      const pid = Number(name.split('-')[0]);
      if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid) || pid === process.pid)
        rmSync(join(this.tmpDir, name), { force: true });
    }
  }

  /** Temp files left by writers that are gone (for doctor). */
  strayTemps(): string[] {
    return readdirSync(this.tmpDir).filter((name) => {
      const pid = Number(name.split('-')[0]);
      return !Number.isInteger(pid) || !processAlive(pid);
    });
  }

  private writeDurably(target: string, bytes: Uint8Array): void {
    const tmp = join(this.tmpDir, `${process.pid}-${randomBytes(8).toString('hex')}`);
    const dir = dirname(target);
    try {
      const fd = openSync(tmp, 'wx');
      try {
        let offset = 0;
        while (offset < bytes.byteLength)
          offset += writeSync(fd, bytes, offset, bytes.byteLength - offset);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      if (!existsSync(dir)) {
        mkdirSync(dir, { recursive: true });
        fsyncDir(this.root);
      }
      renameSync(tmp, target);
      fsyncDir(dir);
    } catch (error) {
      rmSync(tmp, { force: true });
      throw new AppError(
        'IO',
        {
          vi: `Không ghi được tệp dữ liệu vào ${this.root}`,
          en: `Cannot write a blob under ${this.root}`,
        },
        { details: { target }, cause: error },
      );
    }
  }
}
