/**
 * Shared parts of the encryption and key tests: throwaway folders with their own keychain (never
 * the process-wide one), an IT recovery key pair, and a store filled with a citizen's dossier,
 * a scanned page and searchable OCR text whose values the tests then look for on disk.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { DossierService, ensureCatalog } from '../../src-main/core/dossiers/index.js';
import { FileKeychain } from '../../src-main/platform/keychain/index.js';
import { openStore } from '../../src-main/store/index.js';
import type { Store } from '../../src-main/store/index.js';

export const AGENCY = '000.00.06.H56';

/** Values a thief must not find in the data folder. */
export const CITIZEN = {
  name: 'Phạm Thị Thu Hương',
  folded: 'pham thi thu huong',
  cccd: '079186001234',
  address: 'Số 7 ngõ Văn Chương, Đống Đa',
  ocr: 'Giấy khai sinh của Phạm Thị Thu Hương, sinh ngày 14/02/1986 tại Hà Nội',
};

export interface Sandbox {
  root: string;
  dataDir: string;
  keyDir: string;
  keychain: FileKeychain;
  env: NodeJS.ProcessEnv;
  remove(): void;
}

export function sandbox(prefix = 'sohoa-keys-'): Sandbox {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const dataDir = join(root, 'data');
  const keyDir = join(root, 'keychain');
  return {
    root,
    dataDir,
    keyDir,
    keychain: new FileKeychain(keyDir),
    env: { ...process.env, SOHOA_KEY_DIR: keyDir, SOHOA_MACHINE_CONFIG: join(root, 'none.json') },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function recoveryKeyPair(passphrase?: string): { publicPem: string; privatePem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: passphrase
      ? { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }
      : { type: 'pkcs8', format: 'pem' },
  });
  return { publicPem: publicKey, privatePem: privateKey };
}

/** A scanned page: noise no compressor shrinks, so its bytes are a fingerprint to look for. */
export async function scannedPage(seed = 1): Promise<Buffer> {
  const pixels = randomBytes(96 * 64 * 3);
  pixels[0] = seed;
  return sharp(pixels, { raw: { width: 96, height: 64, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

export async function openIn(box: Sandbox): Promise<Store> {
  const store = await openStore(box.dataDir, { keychain: box.keychain, env: box.env });
  ensureCatalog(store);
  return store;
}

/** The citizen's dossier with one page (OCR text indexed) and one result PDF. */
export async function plantCitizen(store: Store): Promise<{ pageId: number; image: Buffer }> {
  const service = new DossierService(store, { agency: AGENCY });
  const created = service.create(
    {
      MaTTHC: '1.001193',
      ChuHoSo: CITIZEN.name,
      SoDinhDanh: CITIZEN.cccd,
      DiaChi: CITIZEN.address,
    },
    'clerk-01',
  );
  const component = store.dossiers.components(created.dossier.id)[0];
  if (!component) throw new Error('catalog without components');
  const image = await scannedPage();
  const page = store.addPage({ componentId: component.id, bytes: image, mime: 'image/png' });
  store.setPageOcr({
    pageId: page.id,
    text: CITIZEN.ocr,
    words: [],
    confidence: 0.9,
    engine: 'test',
  });
  return { pageId: page.id, image };
}
