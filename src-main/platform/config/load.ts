/**
 * Loads the effective configuration: machine file < user file < environment. Each layer is
 * validated on its own first, so an error names both the layer (file or variable) and the key.
 */
import { mkdirSync, renameSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { AppError, describeIssues, invalidInput } from '../../domain/index.js';
import { applyPatch, mergeLayers, type PlainObject } from './merge.js';
import { configSchema, type AppConfig } from './schema.js';
import {
  environmentKeys,
  machineConfigPath,
  readConfigFile,
  readEnvironment,
  userConfigPath,
  type ConfigLayer,
} from './sources.js';

export interface LoadedConfig {
  config: AppConfig;
  /** The layers in precedence order (lowest first), for `sohoa config show`. */
  layers: Array<Omit<ConfigLayer, 'values'>>;
}

export interface LoadOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
}

function invalid(source: string, issues: readonly z.core.$ZodIssue[]): Error {
  return invalidInput({ vi: `Cấu hình (${source})`, en: `configuration (${source})` }, issues, {
    source,
  });
}

function envSource(layer: ConfigLayer, lines: string[]): string {
  const named = environmentKeys()
    .filter(({ section, key }) => lines.some((line) => line.startsWith(`${section}.${key}`)))
    .map(({ variable }) => variable);
  return named.length > 0 ? `${layer.source}: ${named.join(', ')}` : layer.source;
}

/** Validates one layer on its own; returns the parsed (defaults applied) config it implies. */
export function validateLayer(layer: ConfigLayer): AppConfig {
  const parsed = configSchema.safeParse(layer.values, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  throw invalid(
    layer.kind === 'env' ? envSource(layer, describeIssues(issues)) : layer.source,
    issues,
  );
}

/**
 * Sections only IT sets (machine file or the service's environment): the user's file lives in
 * the data folder, where anyone at the PC can edit it, and must neither swap the recovery key
 * the data keys are escrowed for nor make its writer an administrator, turn the sign-in off or
 * weaken the lock-out (`security`).
 */
const MACHINE_ONLY = ['encryption', 'security'] as const;

/**
 * The user's layer without its machine-only sections, which are named in `ignored`. They are
 * left in the file rather than refused at start: a station whose administrator saved `security`
 * through the app before it became machine-only keeps working, and the log and `sohoa doctor`
 * say what IT has to move.
 */
function withoutMachineOnly(layer: ConfigLayer): ConfigLayer {
  const found = MACHINE_ONLY.filter((section) => section in layer.values);
  if (layer.kind !== 'user' || found.length === 0) return layer;
  const values = { ...layer.values };
  for (const section of found) delete values[section];
  return { ...layer, values, ignored: [...found] };
}

function refuseMachineOnly(patch: PlainObject, userFile: string, machineFile: string): void {
  const found = MACHINE_ONLY.filter((section) => section in patch);
  if (found.length === 0) return;
  throw new AppError(
    'VALIDATION',
    {
      vi: `Cấu hình (${userFile}): mục ${found.join(', ')} chỉ được đặt trong cấu hình máy (${machineFile}) do bộ phận CNTT quản lý`,
      en: `Configuration (${userFile}): ${found.join(', ')} can only be set in the machine configuration (${machineFile}) that IT manages`,
    },
    { details: { source: userFile, sections: found } },
  );
}

function resolveLayers(read: ConfigLayer[]): LoadedConfig {
  let merged: PlainObject = {};
  const layers = read.map(withoutMachineOnly);
  for (const layer of layers) {
    validateLayer(layer);
    merged = mergeLayers(merged, layer.values);
  }
  // Layers valid alone can still conflict once merged (a default profile from one file naming a
  // profile list from another).
  const parsed = configSchema.safeParse(merged, { reportInput: true });
  if (!parsed.success) throw invalid('merged configuration', parsed.error.issues);
  return {
    config: parsed.data,
    layers: layers.map(({ kind, source, present, ignored }) => ({
      kind,
      source,
      present,
      ...(ignored ? { ignored } : {}),
    })),
  };
}

export function loadConfig({ dataDir, env = process.env }: LoadOptions): LoadedConfig {
  return resolveLayers([
    readConfigFile('machine', machineConfigPath(env)),
    readConfigFile('user', userConfigPath(dataDir)),
    readEnvironment(env),
  ]);
}

/** `sohoa config validate FILE`: the file alone must be a valid layer. */
export function validateConfigFile(path: string): AppConfig {
  return validateLayer(readConfigFile('user', path));
}

/**
 * Changes the user's file (a `null` value removes a key) and returns the new effective config.
 * Nothing is written unless the result is valid with every other layer; the write is atomic
 * (temp file, fsync, rename), so a crash never leaves a half-written config behind. A patch that
 * touches a machine-only section is refused.
 */
export function updateUserConfig(
  { dataDir, env = process.env }: LoadOptions,
  patch: PlainObject,
): LoadedConfig {
  const path = userConfigPath(dataDir);
  refuseMachineOnly(patch, path, machineConfigPath(env));
  const next = applyPatch(readConfigFile('user', path).values, patch);
  const loaded = resolveLayers([
    readConfigFile('machine', machineConfigPath(env)),
    { kind: 'user', source: path, present: true, values: next },
    readEnvironment(env),
  ]);
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(next, null, 2)}\n`, 'utf8');
  const fd = openSync(temp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  return loaded;
}
