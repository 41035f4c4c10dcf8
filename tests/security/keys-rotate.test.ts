/**
 * `sohoa key rotate` is killed (SIGKILL) at random points, again and again: after every kill the
 * folder must open with the keys encryption.json names and hold every dossier, every searchable
 * word and every blob byte for byte, and so must the sealed files outside the blob store (a page
 * in the scanner spool, a batch run's page); the next run finishes the rotation.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFileBytes } from '../../src-main/platform/index.js';
import { OutDirDestination } from '../../src-main/scan/index.js';
import { SpoolWriter, toWireKey } from '../../src-main/scan/host/spool.js';
import { changeDataKey, encryptionStatus, openStore } from '../../src-main/store/index.js';
import { CITIZEN, openIn, plantCitizen, sandbox, scannedPage } from './keys-fixtures.js';

const CHILD = fileURLToPath(new URL('./keys-rotate-child.ts', import.meta.url));
const TRIALS = 20;
const box = sandbox('sohoa-rotate-');
const expected = new Map<number, string>(); // page id → sha256 of its bytes
const outside = new Map<string, string>(); // sealed file outside the blobs → sha256 of its plain bytes
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
let dossiers = 0;

beforeAll(async () => {
  const store = await openIn(box);
  try {
    const { pageId, image } = await plantCitizen(store);
    expected.set(pageId, createHash('sha256').update(image).digest('hex'));
    const component = store.dossiers.components(1)[0];
    if (!component) throw new Error('no component');
    for (let i = 2; i <= 24; i++) {
      const bytes = await scannedPage(i);
      const page = store.addPage({ componentId: component.id, bytes, mime: 'image/png' });
      expected.set(page.id, createHash('sha256').update(bytes).digest('hex'));
    }
    dossiers = (store.db.prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number }).n;

    const spoolDir = join(box.dataDir, 'spool', 'scan', 'killed-scan');
    mkdirSync(spoolDir, { recursive: true });
    const key = store.keys.writeKey();
    const pixels = await scannedPage(99);
    const spool = new SpoolWriter(spoolDir, 1, key && toWireKey(key));
    spool.beginFrame({ format: 'gray', depth: 8, bytesPerLine: 96, pixelsPerLine: 96 });
    for (let i = 0; i < 8; i++) spool.write(pixels, pixels.length); // several 64 KiB segments
    spool.endFrame();
    outside.set(
      spool.finish({ device: 'test:0', dpi: 300 }).dataFile,
      sha(Buffer.concat(Array.from({ length: 8 }, () => pixels))),
    );
    const run = new OutDirDestination(join(box.dataDir, 'batch', 'job-1', 'run-0001'), store.keys);
    const landed = await run.land({
      index: 1,
      mime: 'image/png',
      bytes: pixels,
      width: 96,
      height: 64,
      dpi: 300,
      completedAt: Date.now(),
      origin: { device: 'test:0' },
    });
    outside.set((landed.location as { path: string }).path, sha(pixels));
  } finally {
    store.close();
  }
}, 120_000);
afterAll(() => box.remove());

/** Runs the child until it has been alive `delayMs` after loading, then SIGKILLs it. */
function killRotationAfter(delayMs: number): Promise<{ completed: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, box.dataDir], {
      env: box.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!timer && out.includes('ready\n'))
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL')
        resolve({ completed: out.split('\n').filter((l) => l.startsWith('{')).length });
      else reject(new Error(`rotation child ended by itself (${code}): ${err}`));
    });
  });
}

async function assertIntact(): Promise<void> {
  const store = await openStore(box.dataDir, { keychain: box.keychain, env: box.env });
  try {
    expect((store.db.prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number }).n).toBe(
      dossiers,
    );
    expect(store.search.search({ query: CITIZEN.folded }).length).toBeGreaterThan(0);
    for (const [pageId, sha] of expected) {
      const { bytes } = store.readPage(pageId);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha);
    }
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const [file, digest] of outside)
      expect(sha(openFileBytes(readFileSync(file), store.keys.keyFor))).toBe(digest);
  } finally {
    store.close();
  }
}

describe('key rotation under SIGKILL', () => {
  it(`leaves the store readable and complete after ${TRIALS} kills at random points`, async () => {
    // One uninterrupted rotation measures how long one takes; kills are spread over it.
    const started = Date.now();
    await changeDataKey(box.dataDir, { mode: 'rotate', keychain: box.keychain, env: box.env });
    const oneRotationMs = Math.max(50, Date.now() - started);
    let completed = 0;
    let midway = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const delay = Math.floor(Math.random() * oneRotationMs * 2.5);
      completed += (await killRotationAfter(delay)).completed;
      if (
        encryptionStatus(box.dataDir, { keychain: box.keychain, env: box.env }).state === 'changing'
      )
        midway++;
      await assertIntact();
    }
    // The kills really landed inside rotations, and rotations also ran to their end in between.
    expect(midway).toBeGreaterThan(0);
    expect(completed).toBeGreaterThan(0);

    const report = await changeDataKey(box.dataDir, {
      mode: 'rotate',
      keychain: box.keychain,
      env: box.env,
    });
    await assertIntact();
    const status = encryptionStatus(box.dataDir, { keychain: box.keychain, env: box.env });
    expect(status).toMatchObject({ state: 'encrypted', keyId: report.to, keyPresent: true });
    // Only the current key is left: every old one was forgotten once nothing needed it.
    expect(readdirSync(box.keyDir).filter((f) => f.endsWith('.secret'))).toEqual([
      `data-key-${report.to}.secret`,
    ]);
    expect(existsSync(join(box.dataDir, 'sohoa.db.rekey'))).toBe(false);
    // what killed re-sealings left beside the files is gone
    for (const file of outside.keys())
      expect(readdirSync(join(file, '..')).filter((f) => f.endsWith('.reseal'))).toEqual([]);
  }, 600_000);
});
