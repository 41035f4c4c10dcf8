/**
 * electron-builder.yml against electron-builder's own JSON schema (the one it ships in
 * app-builder-lib), plus what the schema cannot know: every file the config points at exists, and
 * the MSI hook adds the silent-install properties the admin guide promises.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { addMachineConfig } from '../../build/msi-project-created.mjs';

const repo = join(import.meta.dirname, '../..');
const schema = JSON.parse(
  readFileSync(join(repo, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
) as object;
// electron-builder's schema uses a few non-standard keywords; unknown keywords are not errors.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

type Config = Record<string, unknown> & {
  extraResources: Array<{ from: string; to: string }>;
  win: { target: string[]; extraResources: Array<{ from: string; to: string }> };
  linux: { target: string[] };
  deb: { afterInstall: string; depends: string[] };
  msi: Record<string, unknown>;
  nsis: Record<string, unknown>;
  asarUnpack: string[];
  files: string[];
  msiProjectCreated: string;
};
const load = (): Config =>
  yaml.load(readFileSync(join(repo, 'electron-builder.yml'), 'utf8')) as Config;

function errorsOf(config: unknown): ErrorObject[] {
  return validate(config) ? [] : (validate.errors ?? []);
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s schema', () => {
    expect(errorsOf(load())).toEqual([]);
  });

  it('rejects a misspelt key and a wrong value, naming them', () => {
    const wrongKey = load();
    wrongKey.msi = { ...wrongKey.msi, perMachin: true };
    const keyErrors = errorsOf(wrongKey);
    expect(keyErrors.length).toBeGreaterThan(0);
    expect(
      keyErrors.some(
        (e) =>
          e.instancePath === '/msi' &&
          (e.params as { additionalProperty?: string }).additionalProperty === 'perMachin',
      ),
    ).toBe(true);

    const wrongValue = load();
    wrongValue.nsis = { ...wrongValue.nsis, oneClick: 'yes' };
    expect(errorsOf(wrongValue).some((e) => e.instancePath === '/nsis/oneClick')).toBe(true);
  });

  it('builds the promised targets and points only at files that exist', () => {
    const config = load();
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['msi', 'nsis']);
    expect(config.msi.perMachine).toBe(true);
    expect(config.npmRebuild).toBe(true);
    // feed files are generated, but the build points at no real server: the URL is per province
    expect(config.publish).toEqual({
      provider: 'generic',
      url: expect.stringMatching(/\.invalid\//),
    });
    expect(config.asarUnpack).toContain('**/*.node');
    // the imaging kernels, built by the install hook, ship beside the scanner addon
    expect(config.files).toContain('native/kernels/build/kernels.wasm');
    expect(existsSync(join(repo, 'native/kernels/build/kernels.wasm'))).toBe(true);
    for (const { from } of [...config.extraResources, ...config.win.extraResources])
      expect(existsSync(join(repo, from)), from).toBe(true);
    for (const needed of [
      'tessdata/vie.traineddata.gz',
      'tessdata/eng.traineddata.gz',
      'catalog/default.json',
      'fonts',
    ])
      expect(existsSync(join(repo, 'resources', needed)), needed).toBe(true);
    expect(existsSync(join(repo, config.deb.afterInstall))).toBe(true);
    expect(existsSync(join(repo, config.msiProjectCreated))).toBe(true);
  });

  it('.deb post-install script parses and keeps the command link and sandbox steps', () => {
    const script = join(repo, load().deb.afterInstall);
    const syntax = spawnSync('bash', ['-n', script], { encoding: 'utf8' });
    expect(syntax.stderr).toBe('');
    expect(syntax.status).toBe(0);
    const text = readFileSync(script, 'utf8');
    expect(text).toContain('/usr/bin/${executable}');
    expect(text).toContain('chrome-sandbox');
    expect(text).toContain('/etc/sohoa/config.json');
  });

  it('MSI hook adds GATEWAY_URL / AGENCY_CODE and the machine-config action once', async () => {
    const config = load();
    const wxs = `<?xml version="1.0"?>\n<Wix><Product Id="*"><Feature Id="ProductFeature"/></Product></Wix>\n`;
    const once = await addMachineConfig(wxs);
    expect(await addMachineConfig(once)).toBe(once);
    expect(once).toMatch(/<Property Id="GATEWAY_URL" Secure="yes"\/>/);
    expect(once).toMatch(/<Property Id="AGENCY_CODE" Secure="yes"\/>/);
    expect(once.indexOf('SoHoaWriteMachineConfig')).toBeLessThan(once.indexOf('</Product>'));
    expect(once.indexOf('SoHoaWriteMachineConfig')).toBeGreaterThan(once.indexOf('<Feature'));
    // The action runs the script from where win.extraResources puts it.
    const script = config.win.extraResources[0]?.to.replaceAll('/', '\\');
    expect(once).toContain(`[APPLICATIONFOLDER]resources\\${script}`);
    await expect(addMachineConfig('<Wix/>')).rejects.toThrow(/Product/);
  });
});

describe('.github/workflows/release.yml', () => {
  type Job = { 'runs-on': string; steps: Array<{ run?: string; name?: string }>; needs?: string[] };
  const workflow = yaml.load(readFileSync(join(repo, '.github/workflows/release.yml'), 'utf8')) as {
    jobs: Record<string, Job>;
  };
  const commands = (job: Job | undefined): string =>
    (job?.steps ?? []).map((s) => s.run ?? '').join('\n');

  it('builds Linux packages on Linux and Windows installers (with the TWAIN addon) on Windows', () => {
    const { linux, windows, release } = workflow.jobs;
    expect(linux?.['runs-on']).toMatch(/^ubuntu/);
    expect(commands(linux)).toMatch(/electron-builder --linux AppImage deb/);
    expect(commands(linux)).toContain('native/build/Release/sohoa_scanner.node');
    expect(commands(linux)).toContain('native/kernels/build/kernels.wasm');
    expect(windows?.['runs-on']).toMatch(/^windows/);
    expect(commands(windows)).toMatch(/electron-builder --win msi nsis/);
    expect(commands(windows)).toContain('native/build/Release/sohoa_scanner.node');
    expect(commands(windows)).toContain('native/kernels/build/kernels.wasm');
    expect(release?.needs).toEqual(['linux', 'windows']);
  });
});
