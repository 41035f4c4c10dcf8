/**
 * Secrets as files in one owner-only folder (0700, files 0600), each written to a temp file,
 * fsynced and renamed, so a crash never leaves half a key. An optional sealer encrypts the file
 * content (the desktop app seals with Electron safeStorage, i.e. the OS keychain); without one
 * the file permissions are the protection, as for an SSH private key — and like ssh, a key file
 * others can read is refused rather than used.
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../domain/index.js';
import { assertSecretName, type Keychain } from './keychain.js';

/** Encrypts a secret before it reaches the disk (the OS keychain's job in the desktop app). */
export interface Sealer {
  seal(secret: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
}

const POSIX = process.platform !== 'win32';

function fsyncPath(path: string): void {
  if (!POSIX) return; // Windows cannot open a folder for fsync; NTFS journals the rename.
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export class FileKeychain implements Keychain {
  readonly location: string;
  readonly #sealer: Sealer | undefined;

  constructor(dir: string, options: { sealer?: Sealer } = {}) {
    this.location = dir;
    this.#sealer = options.sealer;
  }

  #file(name: string): string {
    assertSecretName(name);
    return join(this.location, `${name}.secret`);
  }

  get(name: string): Buffer | undefined {
    const file = this.#file(name);
    if (!existsSync(file)) return undefined;
    if (POSIX && (statSync(file).mode & 0o077) !== 0) {
      throw new AppError(
        'KEY_UNSAFE',
        {
          vi: `Tệp khóa ${file} để người khác đọc được nên không được dùng. Chạy: chmod 600 "${file}"`,
          en: `The key file ${file} is readable by others and is not used. Run: chmod 600 "${file}"`,
        },
        { details: { file } },
      );
    }
    const stored = readFileSync(file);
    return this.#sealer ? this.#sealer.open(stored) : stored;
  }

  set(name: string, secret: Uint8Array): void {
    const file = this.#file(name);
    const bytes = this.#sealer ? this.#sealer.seal(Buffer.from(secret)) : Buffer.from(secret);
    const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      mkdirSync(this.location, { recursive: true, mode: 0o700 });
      if (POSIX) chmodSync(this.location, 0o700);
      const fd = openSync(temp, 'wx', 0o600);
      try {
        let done = 0;
        while (done < bytes.byteLength) done += writeSync(fd, bytes, done);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, file);
      fsyncPath(this.location);
    } catch (error) {
      rmSync(temp, { force: true });
      throw new AppError(
        'IO',
        {
          vi: `Không lưu được khóa bí mật vào ${this.location}`,
          en: `Cannot store a secret in ${this.location}`,
        },
        { details: { name }, cause: error },
      );
    }
  }

  delete(name: string): void {
    rmSync(this.#file(name), { force: true });
    if (existsSync(this.location)) fsyncPath(this.location);
  }
}
