/**
 * Where configuration comes from, lowest precedence first: the machine-wide file IT staff deploy,
 * the user's file in the data directory, then `SOHOA_<SECTION>_<KEY>` environment variables
 * (e.g. `SOHOA_GATEWAY_BASE_URL`, `SOHOA_LOGGING_LEVEL=debug`).
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { join } from 'node:path';
import { AppError } from '../../domain/index.js';
import { isPlainObject, type PlainObject } from './merge.js';
import { configSchema } from './schema.js';

export type LayerKind = 'machine' | 'user' | 'env';

export interface ConfigLayer {
  kind: LayerKind;
  /** File path, or `environment`. */
  source: string;
  /** False when the file does not exist (or no variable is set). */
  present: boolean;
  values: PlainObject;
  /** Machine-only sections found in the user's file and not applied (see load.ts). */
  ignored?: string[];
}

/** The machine-wide file; `SOHOA_MACHINE_CONFIG` points elsewhere (tests, unusual installs). */
export function machineConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SOHOA_MACHINE_CONFIG) return env.SOHOA_MACHINE_CONFIG;
  if (process.platform === 'win32') {
    return join(env.ProgramData ?? 'C:\\ProgramData', 'SoHoa', 'config.json');
  }
  return '/etc/sohoa/config.json';
}

export function userConfigPath(dataDir: string): string {
  return join(dataDir, 'config.json');
}

/** Reads a JSON config file; a missing file is an empty layer, a broken one an error naming it. */
export function readConfigFile(kind: LayerKind, path: string): ConfigLayer {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { kind, source: path, present: false, values: {} };
    throw new AppError(
      'IO',
      {
        vi: `Không đọc được tệp cấu hình ${path}`,
        en: `Cannot read the configuration file ${path}`,
      },
      { details: { path }, cause: error },
    );
  }
  let values: unknown;
  try {
    values = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError(
      'VALIDATION',
      {
        vi: `Tệp cấu hình ${path} không phải JSON hợp lệ: ${reason}`,
        en: `The configuration file ${path} is not valid JSON: ${reason}`,
      },
      { details: { path } },
    );
  }
  if (!isPlainObject(values)) {
    throw new AppError(
      'VALIDATION',
      {
        vi: `Tệp cấu hình ${path} phải là một đối tượng JSON`,
        en: `The configuration file ${path} must hold a JSON object`,
      },
      { details: { path } },
    );
  }
  return { kind, source: path, present: true, values };
}

const camelToEnv = (key: string): string =>
  key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** Every `SOHOA_<SECTION>_<KEY>` variable the schema knows, with the key path it sets. */
export function environmentKeys(): Array<{
  variable: string;
  section: string;
  key: string;
  schema: z.ZodType;
}> {
  return Object.entries(configSchema.shape).flatMap(([section, sectionSchema]) =>
    Object.entries(sectionSchema.unwrap().shape as Record<string, z.ZodType>).map(
      ([key, schema]) => ({
        variable: `SOHOA_${camelToEnv(section)}_${camelToEnv(key)}`,
        section,
        key,
        schema,
      }),
    ),
  );
}

/**
 * A value the key accepts as text stays text (so an agency name "123" is not a number);
 * otherwise it is read as JSON (numbers, booleans, lists) and validated with the rest.
 */
function parseEnvValue(raw: string, schema: z.ZodType): unknown {
  if (schema.safeParse(raw).success) return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export function readEnvironment(env: NodeJS.ProcessEnv): ConfigLayer {
  const values: Record<string, PlainObject> = {};
  for (const { variable, section, key, schema } of environmentKeys()) {
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    (values[section] ??= {})[key] = parseEnvValue(raw, schema);
  }
  return { kind: 'env', source: 'environment', present: Object.keys(values).length > 0, values };
}
