import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src-main/domain/index.js';
import { loadConfig, updateUserConfig, validateConfigFile } from '../../src-main/platform/index.js';
import { runCli } from './run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'sohoa-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
function setup(machine?: unknown, user?: unknown): { dataDir: string; machinePath: string } {
  const dataDir = join(root, `case-${++n}`);
  const machinePath = join(root, `machine-${n}.json`);
  loadConfig({ dataDir, env: { SOHOA_MACHINE_CONFIG: machinePath } }); // absent files are fine
  if (machine !== undefined) writeFileSync(machinePath, JSON.stringify(machine));
  if (user !== undefined) {
    updateUserConfig(
      { dataDir, env: { SOHOA_MACHINE_CONFIG: join(root, 'none.json') } },
      user as Record<string, unknown>,
    );
  }
  return { dataDir, machinePath };
}

function failure(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a failure');
}

describe('configuration layers', () => {
  it('defaults everything when no file exists', () => {
    const { dataDir, machinePath } = setup();
    const { config, layers } = loadConfig({ dataDir, env: { SOHOA_MACHINE_CONFIG: machinePath } });
    expect(config.sync.intervalSeconds).toBe(60);
    expect(config.ui.language).toBe('vi');
    expect(config.scanner.profiles[0]?.id).toBe('standard');
    expect(layers.map((l) => [l.kind, l.present])).toEqual([
      ['machine', false],
      ['user', false],
      ['env', false],
    ]);
  });

  it('applies machine < user < environment, key by key', () => {
    const { dataDir, machinePath } = setup(
      {
        gateway: { baseUrl: 'https://mc.example.gov.vn/v1', timeoutMs: 20000 },
        agency: { code: '000.00.06.H56' },
      },
      { gateway: { timeoutMs: 45000 }, sync: { intervalSeconds: 30 } },
    );
    const env = {
      SOHOA_MACHINE_CONFIG: machinePath,
      SOHOA_SYNC_INTERVAL_SECONDS: '15',
      SOHOA_AGENCY_NAME: '123',
    };
    const { config } = loadConfig({ dataDir, env });
    expect(config.gateway.baseUrl).toBe('https://mc.example.gov.vn/v1'); // machine
    expect(config.gateway.timeoutMs).toBe(45000); // user over machine
    expect(config.sync.intervalSeconds).toBe(15); // env over user, parsed as a number
    expect(config.agency).toEqual({ code: '000.00.06.H56', name: '123' }); // text stays text
  });

  it('names the file and the key of an unknown or invalid entry', () => {
    const { dataDir, machinePath } = setup({ gateway: { tiemout: 5 }, sync: { enabled: 'yes' } });
    const { code, message } = failure(() =>
      loadConfig({ dataDir, env: { SOHOA_MACHINE_CONFIG: machinePath } }),
    );
    expect(code).toBe('VALIDATION');
    expect(message).toContain(machinePath);
    expect(message).toContain('gateway.tiemout: unknown key');
    expect(message).toContain('sync.enabled');
  });

  it('names the environment variable of a bad value', () => {
    const { dataDir, machinePath } = setup();
    const { message } = failure(() =>
      loadConfig({
        dataDir,
        env: { SOHOA_MACHINE_CONFIG: machinePath, SOHOA_LOGGING_LEVEL: 'loud' },
      }),
    );
    expect(message).toContain('SOHOA_LOGGING_LEVEL');
    expect(message).toContain('logging.level');
  });

  it('reports broken JSON with the file name', () => {
    const file = join(root, 'broken.json');
    writeFileSync(file, '{ "sync": ');
    const { code, message } = failure(() => validateConfigFile(file));
    expect(code).toBe('VALIDATION');
    expect(message).toContain(file);
    expect(message).toContain('not valid JSON');
  });

  it('checks cross-key rules once the layers are merged', () => {
    const { dataDir, machinePath } = setup({ scanner: { defaultProfile: 'fast' } });
    const { message } = failure(() =>
      loadConfig({ dataDir, env: { SOHOA_MACHINE_CONFIG: machinePath } }),
    );
    expect(message).toContain('scanner.defaultProfile');
  });

  it('does not write a user change that would be invalid, and removes keys set to null', () => {
    const { dataDir } = setup(undefined, { sync: { intervalSeconds: 30 }, ui: { language: 'en' } });
    const env = { SOHOA_MACHINE_CONFIG: join(root, 'none.json') };
    failure(() => updateUserConfig({ dataDir, env }, { sync: { intervalSeconds: 1 } }));
    expect(loadConfig({ dataDir, env }).config.sync.intervalSeconds).toBe(30);
    const { config } = updateUserConfig({ dataDir, env }, { ui: { language: null } });
    expect(config.ui.language).toBe('vi');
    expect(config.sync.intervalSeconds).toBe(30);
  });
});

describe('sohoa config', () => {
  it('validate: exit 0 for a good file, 1 naming the key for a bad one', async () => {
    const good = join(root, 'good.json');
    const bad = join(root, 'bad.json');
    writeFileSync(good, JSON.stringify({ agency: { code: '000.00.06.H56' }, ocr: { workers: 2 } }));
    writeFileSync(bad, JSON.stringify({ ocr: { wrokers: 2 } }));
    const ok = await runCli(['config', 'validate', good]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('hợp lệ');
    const ko = await runCli(['config', 'validate', bad]);
    expect(ko.code).toBe(1);
    expect(ko.stderr).toContain('ocr.wrokers: unknown key');
    expect(ko.stderr).not.toMatch(/\n\s+at /); // no stack trace for people
  });

  it('show --json: the effective config and its layers', async () => {
    const { dataDir, machinePath } = setup({ update: { channel: 'beta' } });
    const result = await runCli(['config', 'show', '--json', '--data-dir', dataDir], {
      SOHOA_MACHINE_CONFIG: machinePath,
      SOHOA_OCR_WORKERS: '3',
    });
    expect(result.code).toBe(0);
    const shown = JSON.parse(result.stdout) as {
      config: { update: { channel: string }; ocr: { workers: number } };
      layers: Array<{ kind: string; present: boolean }>;
    };
    expect(shown.config.update.channel).toBe('beta');
    expect(shown.config.ocr.workers).toBe(3);
    expect(shown.layers.filter((l) => l.present).map((l) => l.kind)).toEqual(['machine', 'env']);
  });
});
