/**
 * The data key of one data folder. The key itself lives in the keychain (outside the folder);
 * the folder keeps only `encryption.json`, naming the key id(s) in use, and the escrowed copies
 * under `recovery/` that only IT's offline private key opens.
 *
 * `current` is the key everything is sealed with; `pending` is set while a rotation (or the
 * conversion of a plain folder) is under way, when a file may be sealed with either key. Readers
 * pick the key a file names; writers seal with `pending` when there is one, so a rotation only
 * ever moves files forward and can resume after a crash.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../domain/index.js';
import { EscrowRecordSchema, unwrapKey, wrapKey, type EscrowRecord } from './escrow.js';
import type { Keychain } from './keychain.js';
import { KEY_ID_BYTES, type SealKey } from './sealed-format.js';

export const ENCRYPTION_FILE = 'encryption.json';
export const RECOVERY_DIR = 'recovery';
const DATA_KEY_BYTES = 32;
const KeyId = z.string().regex(/^[0-9a-f]{16}$/);

const StateSchema = z.strictObject({
  format: z.literal(1),
  /** null: the folder is still plain (data from before encryption) */
  current: KeyId.nullable(),
  pending: KeyId.optional(),
  /**
   * Keys this folder may have left in the keychain that no file is sealed with: a key being made
   * (named here before it is stored) or an old key being forgotten. A kill between the two writes
   * would otherwise leave them there for ever; the next change deletes them.
   */
  unused: z.array(KeyId).optional(),
});
type State = z.infer<typeof StateSchema>;

export const dataKeyName = (keyId: string) => `data-key-${keyId}`;

/**
 * The folders this process has opened, by key id. Sealed files name their key, so code that
 * only holds a path (the sync engine uploading a stored PDF) can read it through
 * `lookupDataKey` without being handed the store; ids are random 64-bit, never shared.
 */
const openedKeys = new Map<string, DataKeys>();

/** The data key `keyId` of a folder this process opened (KEY_MISSING if none). */
export function lookupDataKey(keyId: string): Buffer {
  const keys = openedKeys.get(keyId);
  if (!keys) {
    throw new AppError(
      'KEY_MISSING',
      {
        vi: `Tệp được mã hóa bằng khóa ${keyId} của một thư mục dữ liệu chưa được mở`,
        en: `A file is sealed with key ${keyId} of a data folder that is not open`,
      },
      { details: { keyId } },
    );
  }
  return keys.keyFor(keyId);
}

function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  const fd = openSync(temp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

function inside(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export interface DataKeysOptions {
  keychain: Keychain;
  /** Create a key when the folder has no store yet (a new data folder is encrypted from the start). */
  isNew: boolean;
  /** PEM of IT's recovery public key (asked only when a key is made): new keys are escrowed for it. */
  recoveryPublicKey?: () => string | undefined;
}

export class DataKeys {
  readonly dataDir: string;
  readonly keychain: Keychain;
  #state: State | undefined;
  readonly #cache = new Map<string, Buffer>();

  private constructor(dataDir: string, options: DataKeysOptions) {
    this.dataDir = dataDir;
    this.keychain = options.keychain;
    if (inside(dataDir, options.keychain.location)) {
      throw new AppError(
        'VALIDATION',
        {
          vi: `Kho khóa (${options.keychain.location}) không được nằm trong thư mục dữ liệu ${dataDir}: ai chép thư mục sẽ có luôn khóa`,
          en: `The keychain (${options.keychain.location}) must not be inside the data folder ${dataDir}: whoever copies the folder would get the key too`,
        },
        { details: { dataDir, keychain: options.keychain.location } },
      );
    }
    this.#state = this.#readState();
    this.#announce();
  }

  static open(dataDir: string, options: DataKeysOptions): DataKeys {
    const keys = new DataKeys(dataDir, options);
    if (!keys.#state && options.isNew) {
      const key = keys.#createKey(options.recoveryPublicKey?.());
      if (!keys.#createState({ format: 1, current: key.id })) {
        // Another process made the folder's key first: use that one, forget ours.
        keys.keychain.delete(dataKeyName(key.id));
        rmSync(keys.#escrowFile(key.id), { force: true });
        keys.#cache.delete(key.id);
        keys.#state = keys.#readState();
        keys.#announce();
      }
    }
    return keys;
  }

  get file(): string {
    return join(this.dataDir, ENCRYPTION_FILE);
  }

  /** Whether the folder is (being) encrypted; false only for a plain folder from before. */
  get encrypted(): boolean {
    return this.#state !== undefined;
  }

  get currentId(): string | null {
    return this.#state?.current ?? null;
  }

  get pendingId(): string | undefined {
    return this.#state?.pending;
  }

  /** The key new files are sealed with (none for a plain folder). */
  writeKey(): SealKey | undefined {
    const id = this.#state?.pending ?? this.#state?.current;
    return id ? { id, bytes: this.keyFor(id) } : undefined;
  }

  /** Keys the database may be keyed with, most recent first. */
  databaseKeys(): SealKey[] {
    const ids = [this.#state?.pending, this.#state?.current].filter(
      (id): id is string => typeof id === 'string',
    );
    return ids.map((id) => ({ id, bytes: this.keyFor(id) }));
  }

  /** The data key a sealed file names; a missing key is lost data, said plainly. */
  keyFor = (keyId: string): Buffer => {
    const cached = this.#cache.get(keyId);
    if (cached) return cached;
    const known = this.#state && (keyId === this.#state.current || keyId === this.#state.pending);
    const bytes = known ? this.keychain.get(dataKeyName(keyId)) : undefined;
    if (!bytes || bytes.length !== DATA_KEY_BYTES) throw this.#lost(keyId, Boolean(known));
    this.#cache.set(keyId, bytes);
    return bytes;
  };

  #lost(keyId: string, known: boolean): AppError {
    return new AppError(
      'KEY_MISSING',
      known
        ? {
            vi: `Không có khóa dữ liệu ${keyId} của thư mục ${this.dataDir} trong kho khóa ${this.keychain.location}. Không có khóa này thì dữ liệu (hồ sơ, trang quét) KHÔNG đọc được — coi như đã mất, trừ khi bộ phận CNTT khôi phục bằng khóa khôi phục: sohoa key recover --private-key TỆP.pem`,
            en: `The data key ${keyId} of ${this.dataDir} is not in the keychain ${this.keychain.location}. Without it the data (dossiers, scanned pages) CANNOT be read — it is lost unless IT restores it with the recovery key: sohoa key recover --private-key FILE.pem`,
          }
        : {
            vi: `Tệp được mã hóa bằng khóa ${keyId}, không phải khóa của thư mục ${this.dataDir}`,
            en: `A file is sealed with key ${keyId}, which is not a key of ${this.dataDir}`,
          },
      { details: { keyId, dataDir: this.dataDir, keychain: this.keychain.location } },
    );
  }

  /** Starts a rotation (or the encryption of a plain folder): a new key becomes `pending`. */
  beginChange(recoveryPublicKey?: () => string | undefined): SealKey {
    this.#forgetUnused();
    if (this.#state?.pending)
      return { id: this.#state.pending, bytes: this.keyFor(this.#state.pending) };
    const current = this.#state?.current ?? null;
    const id = randomBytes(KEY_ID_BYTES).toString('hex');
    this.#writeState({ format: 1, current, unused: [id] });
    const key = this.#createKey(recoveryPublicKey?.(), id);
    this.#writeState({ format: 1, current, pending: key.id });
    return key;
  }

  /** Ends a change once every file is sealed with `pending`: the old key is then forgotten. */
  finishChange(): void {
    const state = this.#state;
    if (!state?.pending) return;
    this.#writeState({
      format: 1,
      current: state.pending,
      ...(state.current ? { unused: [state.current] } : {}),
    });
    this.#forgetUnused();
  }

  /** Deletes the keys `unused` names (and their escrowed copies), then drops the list. */
  #forgetUnused(): void {
    const state = this.#state;
    if (!state?.unused) return;
    for (const id of state.unused) {
      this.keychain.delete(dataKeyName(id));
      rmSync(this.#escrowFile(id), { force: true });
      this.#cache.delete(id);
    }
    const { current, pending } = state;
    this.#writeState({ format: 1, current, ...(pending ? { pending } : {}) });
  }

  /** Escrows the keys in use for `publicKeyPem` (install time, or a new IT key pair). */
  escrow(publicKeyPem: string): EscrowRecord[] {
    return this.databaseKeys().map((key) => this.#writeEscrow(publicKeyPem, key));
  }

  /** Puts the keys back into this PC's keychain from their escrowed copies. */
  recover(privateKeyPem: string, passphrase?: string): string[] {
    const ids = [this.#state?.current, this.#state?.pending].filter(
      (id): id is string => typeof id === 'string',
    );
    return ids.map((id) => {
      const file = this.#escrowFile(id);
      if (!existsSync(file)) {
        throw new AppError(
          'NOT_FOUND',
          {
            vi: `Không có bản khôi phục của khóa ${id} (${file}): khóa khôi phục chưa được đặt khi cài đặt, dữ liệu không khôi phục được`,
            en: `There is no escrowed copy of key ${id} (${file}): no recovery key was set up at install, the data cannot be recovered`,
          },
          { details: { file } },
        );
      }
      const record = EscrowRecordSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
      const key = unwrapKey(record, privateKeyPem, passphrase);
      this.keychain.set(dataKeyName(id), key.bytes);
      this.#cache.delete(id);
      return id;
    });
  }

  #escrowFile(keyId: string): string {
    return join(this.dataDir, RECOVERY_DIR, `${keyId}.json`);
  }

  #writeEscrow(publicKeyPem: string, key: SealKey): EscrowRecord {
    const record = wrapKey(publicKeyPem, key);
    mkdirSync(join(this.dataDir, RECOVERY_DIR), { recursive: true });
    writeAtomically(this.#escrowFile(key.id), `${JSON.stringify(record, null, 2)}\n`);
    return record;
  }

  #createKey(
    recoveryPublicKey: string | undefined,
    id = randomBytes(KEY_ID_BYTES).toString('hex'),
  ): SealKey {
    const key = { id, bytes: randomBytes(DATA_KEY_BYTES) };
    // The key is durable in the keychain (and escrowed) before any file names it.
    this.keychain.set(dataKeyName(key.id), key.bytes);
    if (recoveryPublicKey) this.#writeEscrow(recoveryPublicKey, key);
    this.#cache.set(key.id, key.bytes);
    return key;
  }

  #readState(): State | undefined {
    if (!existsSync(this.file)) return undefined;
    try {
      return StateSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch (error) {
      throw new AppError(
        'CORRUPT',
        {
          vi: `Tệp ${this.file} bị hỏng: không biết khóa nào mở được dữ liệu. Khôi phục tệp từ bản sao lưu`,
          en: `${this.file} is damaged: which key opens the data is unknown. Restore the file from a backup`,
        },
        { details: { file: this.file }, cause: error },
      );
    }
  }

  #writeState(state: State): void {
    mkdirSync(this.dataDir, { recursive: true });
    writeAtomically(this.file, `${JSON.stringify(state, null, 2)}\n`);
    this.#state = state;
    this.#announce();
  }

  /** Writes the first state of a folder unless one exists (link() fails rather than replaces). */
  #createState(state: State): boolean {
    mkdirSync(this.dataDir, { recursive: true });
    const temp = `${this.file}.${process.pid}.new`;
    writeAtomically(temp, `${JSON.stringify(state, null, 2)}\n`);
    try {
      linkSync(temp, this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      rmSync(temp, { force: true });
    }
    this.#state = state;
    this.#announce();
    return true;
  }

  #announce(): void {
    for (const id of [this.#state?.current, this.#state?.pending]) if (id) openedKeys.set(id, this);
  }
}
