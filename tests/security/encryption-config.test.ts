/**
 * The recovery key setting is IT's: the machine file (or the service's environment) sets it; the
 * user's file in the data folder, which anyone at the PC can edit, may not: a change through the
 * app is refused without touching the file, and a section written there by hand is ignored and
 * reported.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configCheck } from '../../src-main/core/diagnostics/checks/config.js';
import { loadConfig, updateUserConfig } from '../../src-main/platform/index.js';
import { sandbox, type Sandbox } from './keys-fixtures.js';

let box: Sandbox;
afterEach(() => box.remove());

describe('encryption settings are machine-only', () => {
  it('come from the machine file; the user file may not set them: refused through the app, ignored and reported when written by hand', () => {
    box = sandbox('sohoa-enc-config-');
    mkdirSync(box.dataDir, { recursive: true });
    const machine = join(box.root, 'machine.json');
    const env = { ...box.env, SOHOA_MACHINE_CONFIG: machine };
    writeFileSync(
      machine,
      JSON.stringify({ encryption: { recoveryPublicKeyFile: '/it/pub.pem' } }),
    );
    expect(loadConfig({ dataDir: box.dataDir, env }).config.encryption.recoveryPublicKeyFile).toBe(
      '/it/pub.pem',
    );

    const userFile = join(box.dataDir, 'config.json');
    const before = JSON.stringify({ ui: { language: 'en' } });
    writeFileSync(userFile, before);
    expect(() =>
      updateUserConfig(
        { dataDir: box.dataDir, env },
        { encryption: { recoveryPublicKeyFile: '/home/clerk/mine.pem' } },
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message: expect.stringContaining('can only be set in the machine configuration'),
        messageVi: expect.stringContaining('chỉ được đặt trong cấu hình máy'),
      }),
    );
    expect(readFileSync(userFile, 'utf8')).toBe(before);

    // Written into the file by hand: not applied, and named by the log and the doctor.
    writeFileSync(userFile, JSON.stringify({ encryption: { recoveryPublicKeyFile: '/x.pem' } }));
    const loaded = loadConfig({ dataDir: box.dataDir, env });
    expect(loaded.config.encryption.recoveryPublicKeyFile).toBe('/it/pub.pem');
    expect(loaded.layers.find((l) => l.kind === 'user')?.ignored).toEqual(['encryption']);
    const check = configCheck({ dataDir: box.dataDir, env, config: loaded.config }).run();
    expect(check).toMatchObject({
      status: 'warn',
      message: {
        vi: expect.stringContaining('encryption trong'),
        en: expect.stringContaining('encryption in'),
      },
      fix: { en: expect.stringContaining(`Move encryption to ${machine}`) },
    });
  });
});
