/**
 * The recovery key setting is IT's: the machine file (or the service's environment) sets it; the
 * user's file in the data folder, which anyone at the PC can edit, may not, and a change through
 * the app is refused without touching the file.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, updateUserConfig } from '../../src-main/platform/index.js';
import { sandbox, type Sandbox } from './keys-fixtures.js';

let box: Sandbox;
afterEach(() => box.remove());

describe('encryption settings are machine-only', () => {
  it('come from the machine file, and are refused from the user file in both languages', () => {
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

    writeFileSync(userFile, JSON.stringify({ encryption: { recoveryPublicKeyFile: '/x.pem' } }));
    expect(() => loadConfig({ dataDir: box.dataDir, env })).toThrow(
      new RegExp(`${userFile.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}.*encryption.*${machine}`),
    );
  });
});
