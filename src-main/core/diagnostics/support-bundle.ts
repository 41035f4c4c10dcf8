/**
 * `sohoa support-bundle`: one zip an IT helpdesk can ask a counter for. It holds the logs, the
 * configuration layers, the doctor report, the relevant environment and the versions — with
 * every secret removed (see redact.ts). The station's secrets folder is never read into it.
 */
import { existsSync, readdirSync, readFileSync, lstatSync } from 'node:fs';
import { arch, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { z } from 'zod';
import { AppError, invalidInput } from '../../domain/index.js';
import {
  loadConfig,
  logDir,
  machineConfigPath,
  packageInfo,
  resourcesDir,
  userConfigPath,
  writeZipAtomically,
} from '../../platform/index.js';
import { readClientSecret } from '../../sync/index.js';
import { isSecretName, Redactor } from './redact.js';
import { runStationDoctor } from './station-checks.js';

export const SupportBundleRequest = z.strictObject({
  dataDir: z.string().min(1),
  out: z.string().regex(/\.zip$/i, 'must end in .zip'),
});

export interface SupportBundleResult {
  file: string;
  /** Names of the entries written, in order. */
  entries: string[];
  doctorStatus: 'ok' | 'warn' | 'fail';
}

/** Environment variables worth seeing when diagnosing (values of secret-named ones cut). */
const RELEVANT_ENV =
  /^(SOHOA_|SANE_|ELECTRON_|NODE_OPTIONS$|LANG$|LC_ALL$|TZ$|HTTPS?_PROXY$|NO_PROXY$)/i;

function versions(): Record<string, unknown> {
  return {
    app: packageInfo().version,
    versions: process.versions,
    os: { platform: platform(), release: release(), arch: arch(), totalMemoryBytes: totalmem() },
    resourcesDir: resourcesDir(),
    createdAt: new Date().toISOString(),
  };
}

/** Log files (the live one included once: `current.log` is only a link to it). */
function logFiles(dataDir: string): string[] {
  const dir = logDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => lstatSync(join(dir, name)).isFile())
    .sort();
}

export async function writeSupportBundle(
  input: z.input<typeof SupportBundleRequest>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SupportBundleResult> {
  const parsed = SupportBundleRequest.safeParse(input);
  if (!parsed.success)
    throw invalidInput(
      { vi: 'Yêu cầu gói hỗ trợ', en: 'support bundle request' },
      parsed.error.issues,
    );
  const { dataDir, out } = parsed.data;
  if (existsSync(out))
    throw new AppError(
      'CONFLICT',
      { vi: `Tệp ${out} đã có; chọn tên khác.`, en: `${out} already exists; choose another name.` },
      { details: { out } },
    );

  const environment = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => v !== undefined && RELEVANT_ENV.test(k)),
  );
  const redactor = new Redactor([
    // The stored secret even when the environment overrides it: both may be in old logs.
    readClientSecret(dataDir, {}),
    ...Object.entries(env)
      .filter(([k]) => isSecretName(k))
      .map(([, v]) => v),
  ]);

  const doctor = await runStationDoctor({ dataDir, env });
  const entries: Array<[string, string]> = [
    ['versions.json', JSON.stringify(versions(), null, 2)],
    ['doctor.json', JSON.stringify(doctor, null, 2)],
    ['environment.json', JSON.stringify(environment, null, 2)],
  ];
  try {
    entries.push(['config/effective.json', JSON.stringify(loadConfig({ dataDir, env }), null, 2)]);
  } catch (error) {
    entries.push([
      'config/effective-error.txt',
      error instanceof Error ? error.message : String(error),
    ]);
  }
  for (const [name, path] of [
    ['config/machine.json', machineConfigPath(env)],
    ['config/user.json', userConfigPath(dataDir)],
  ] as const) {
    if (existsSync(path)) entries.push([name, readFileSync(path, 'utf8')]);
  }
  for (const name of logFiles(dataDir))
    entries.push([`logs/${name}`, readFileSync(join(logDir(dataDir), name), 'utf8')]);

  const now = new Date();
  const zip = new yazl.ZipFile();
  for (const [name, content] of entries)
    zip.addBuffer(Buffer.from(redactor.file(content), 'utf8'), name, { mtime: now });
  await writeZipAtomically(zip, out, { vi: 'gói hỗ trợ', en: 'support bundle' });
  return { file: out, entries: entries.map(([name]) => name), doctorStatus: doctor.status };
}
