/**
 * The keychain behind its interface: owner-only files (the CLI and browser mode), the same files
 * sealed by a safeStorage-shaped sealer (the desktop app), and the data keys of a folder with their
 * escrowed recovery copies.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DataKeys,
  FileKeychain,
  dataKeyName,
  defaultKeyDir,
  safeStorageKeychain,
  type Keychain,
  type SafeStorageLike,
} from '../../src-main/platform/keychain/index.js';
import { changeDataKey, openStore } from '../../src-main/store/index.js';
import { readClientSecret, writeClientSecret } from '../../src-main/sync/index.js';
import {
  CITIZEN,
  openIn,
  plantCitizen,
  recoveryKeyPair,
  sandbox,
  type Sandbox,
} from './keys-fixtures.js';

let box: Sandbox;
afterEach(() => box.remove());

/** Stands in for the OS: a real cipher under a key the test process holds, as DPAPI would. */
function osSafeStorage(available = true): SafeStorageLike {
  const osKey = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    encryptString(text) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', osKey, iv);
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptString(sealed) {
      const d = createDecipheriv('aes-256-gcm', osKey, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

describe('file keychain', () => {
  it('stores secrets owner-only, durably, and refuses a key file others can read', () => {
    box = sandbox();
    const chain = new FileKeychain(box.keyDir);
    const secret = randomBytes(32);
    chain.set('data-key-0011223344556677', secret);
    expect(chain.get('data-key-0011223344556677')?.equals(secret)).toBe(true);
    expect(statSync(box.keyDir).mode & 0o777).toBe(0o700);
    const file = join(box.keyDir, 'data-key-0011223344556677.secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(box.keyDir)).toEqual(['data-key-0011223344556677.secret']);
    chmodSync(file, 0o644);
    expect(() => chain.get('data-key-0011223344556677')).toThrow(/chmod 600/);
    chain.delete('data-key-0011223344556677');
    expect(chain.get('data-key-0011223344556677')).toBeUndefined();
  });

  it('rejects names that would leave its folder', () => {
    box = sandbox();
    const chain = new FileKeychain(box.keyDir);
    for (const name of ['../x', 'a/b', '', 'UPPER', '.hidden'])
      expect(() => chain.set(name, Buffer.from('x'))).toThrow(/Invalid secret name/);
  });

  it('lives in the user config folder unless SOHOA_KEY_DIR says otherwise', () => {
    expect(defaultKeyDir({ SOHOA_KEY_DIR: '/srv/keys' })).toBe('/srv/keys');
    if (process.platform === 'linux')
      expect(defaultKeyDir({ XDG_CONFIG_HOME: '/home/a/.config' })).toBe(
        '/home/a/.config/sohoa/keys',
      );
  });
});

describe('safeStorage keychain (desktop app)', () => {
  it('keeps only sealed bytes on disk and reads them back', () => {
    box = sandbox();
    const chain = safeStorageKeychain(osSafeStorage(), box.keyDir);
    const secret = Buffer.from('gateway-secret-ABCDEF-123456');
    chain.set('gateway-client-secret', secret);
    const onDisk = readFileSync(join(box.keyDir, 'gateway-client-secret.secret'));
    expect(onDisk.includes(secret)).toBe(false);
    expect(onDisk.includes(Buffer.from(secret.toString('base64')))).toBe(false);
    expect(chain.get('gateway-client-secret')?.equals(secret)).toBe(true);
  });

  it('says plainly when the OS keychain is unavailable', () => {
    box = sandbox();
    expect(() => safeStorageKeychain(osSafeStorage(false), box.keyDir)).toThrow(
      /keychain is unavailable/,
    );
  });
});

describe('data keys of a folder', () => {
  it('refuses a keychain inside the data folder', () => {
    box = sandbox();
    expect(() =>
      DataKeys.open(box.dataDir, {
        keychain: new FileKeychain(join(box.dataDir, 'keys')),
        isNew: true,
      }),
    ).toThrow(/must not be inside the data folder/);
  });

  it('a new folder gets a key in the keychain; the folder holds only its id', async () => {
    box = sandbox();
    const store = await openIn(box);
    store.close();
    const state = JSON.parse(readFileSync(join(box.dataDir, 'encryption.json'), 'utf8')) as {
      current: string;
    };
    expect(state.current).toMatch(/^[0-9a-f]{16}$/);
    expect(box.keychain.get(dataKeyName(state.current))).toHaveLength(32);
    expect(existsSync(join(box.dataDir, 'recovery'))).toBe(false);
  });

  it('a lost key is lost data, said plainly; the escrowed copy brings everything back', async () => {
    box = sandbox();
    const pair = recoveryKeyPair('mật khẩu CNTT');
    const pub = join(box.root, 'recovery.pub.pem');
    mkdirSync(box.root, { recursive: true });
    writeFileSync(pub, pair.publicPem);
    writeFileSync(
      join(box.root, 'machine.json'),
      JSON.stringify({ encryption: { recoveryPublicKeyFile: pub } }),
    );
    box.env.SOHOA_MACHINE_CONFIG = join(box.root, 'machine.json');

    const store = await openIn(box);
    const { image, pageId } = await plantCitizen(store);
    store.close();
    expect(readdirSync(join(box.dataDir, 'recovery'))).toHaveLength(1);

    rmSync(box.keyDir, { recursive: true }); // the PC was reinstalled
    const lost = openStore(box.dataDir, { keychain: box.keychain, env: box.env });
    await expect(lost).rejects.toThrow(/CANNOT be read — it is lost unless IT restores it/);
    await expect(lost).rejects.toMatchObject({ code: 'KEY_MISSING' });

    const keys = DataKeys.open(box.dataDir, { keychain: box.keychain, isNew: false });
    expect(() => keys.recover(pair.privatePem, 'sai mật khẩu')).toThrow(/passphrase is wrong/);
    keys.recover(pair.privatePem, 'mật khẩu CNTT');
    const back = await openStore(box.dataDir, { keychain: box.keychain, env: box.env });
    try {
      expect(back.readPage(pageId).bytes.equals(image)).toBe(true);
      expect(back.search.search({ query: CITIZEN.folded }).length).toBeGreaterThan(0);
    } finally {
      back.close();
    }
  });
  it('a change killed just after making its key, or just before forgetting the old one, leaves no key behind', async () => {
    box = sandbox();
    const store = await openIn(box);
    store.close();
    const secrets = () => readdirSync(box.keyDir).filter((f) => f.endsWith('.secret'));
    /** The keychain of a process killed at `step`: the write or delete before it happened. */
    const killedAt = (step: 'stored' | 'deleting'): Keychain => ({
      location: box.keychain.location,
      get: (name) => box.keychain.get(name),
      set(name, secret) {
        box.keychain.set(name, secret);
        if (step === 'stored') throw new Error('killed');
      },
      delete(name) {
        if (step === 'deleting') throw new Error('killed');
        box.keychain.delete(name);
      },
    });

    const madeKey = DataKeys.open(box.dataDir, { keychain: killedAt('stored'), isNew: false });
    expect(() => madeKey.beginChange()).toThrow('killed');
    expect(secrets()).toHaveLength(2); // the new key is stored but named by no file
    const report = await changeDataKey(box.dataDir, {
      mode: 'rotate',
      keychain: box.keychain,
      env: box.env,
    });
    expect(secrets()).toEqual([`${dataKeyName(report.to)}.secret`]);

    const forgetting = changeDataKey(box.dataDir, {
      mode: 'rotate',
      keychain: killedAt('deleting'),
      env: box.env,
    });
    await expect(forgetting).rejects.toThrow('killed');
    expect(secrets()).toHaveLength(2); // the old key outlived the change
    const next = await changeDataKey(box.dataDir, {
      mode: 'rotate',
      keychain: box.keychain,
      env: box.env,
    });
    expect(secrets()).toEqual([`${dataKeyName(next.to)}.secret`]);
    const back = await openIn(box);
    back.close();
  });
});

describe('gateway client secret', () => {
  it('goes to the keychain, never into the data folder; an old 0600 file is moved there', () => {
    box = sandbox();
    const keyDir = process.env.SOHOA_KEY_DIR;
    if (!keyDir) throw new Error('vitest sets SOHOA_KEY_DIR');
    const secret = `tram-01-${randomBytes(8).toString('hex')}`;
    writeClientSecret(box.dataDir, secret);
    expect(readClientSecret(box.dataDir, {})).toBe(secret);
    expect(readClientSecret(box.dataDir, { SOHOA_GATEWAY_SECRET: 'from-env' })).toBe('from-env');
    const inFolder = readdirSync(box.dataDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(join(e.parentPath, e.name)));
    expect(inFolder.some((b) => b.includes(secret))).toBe(false);
    const stored = readdirSync(keyDir)
      .filter((f) => f.startsWith('gateway-client-secret-'))
      .map((f) => readFileSync(join(keyDir, f)));
    expect(stored.some((b) => b.includes(secret))).toBe(true);

    // a station upgraded from the version that kept it in <data>/secrets/
    const old = sandbox();
    try {
      mkdirSync(join(old.dataDir, 'secrets'), { recursive: true });
      writeFileSync(join(old.dataDir, 'secrets', 'gateway-client-secret'), 'old-secret\n', {
        mode: 0o600,
      });
      expect(readClientSecret(old.dataDir, {})).toBe('old-secret');
      expect(existsSync(join(old.dataDir, 'secrets', 'gateway-client-secret'))).toBe(false);
      expect(readClientSecret(old.dataDir, {})).toBe('old-secret');
    } finally {
      old.remove();
    }
  });
});
