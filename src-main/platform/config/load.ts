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
 * the data folder, where anyone at the PC can edit it, and must not swap the recovery key the
 * data keys are escrowed for.
 */
const MACHINE_ONLY = ['encryption'] as const;

function refuseMachineOnly(layer: ConfigLayer, machineFile: string): void {
  const found = MACHINE_ONLY.filter((section) => section in layer.values);
  if (layer.kind !== 'user' || found.length === 0) return;
  throw new AppError(
    'VALIDATION',
    {
      vi: `Cấu hình (${layer.source}): mục ${found.join(', ')} chỉ được đặt trong cấu hình máy (${machineFile}) do bộ phận CNTT quản lý`,
      en: `Configuration (${layer.source}): ${found.join(', ')} can only be set in the machine configuration (${machineFile}) that IT manages`,
    },
    { details: { source: layer.source, sections: found } },
  );
}

function resolveLayers(layers: ConfigLayer[]): LoadedConfig {
  let merged: PlainObject = {};
  const machineFile = layers.find((l) => l.kind === 'machine')?.source ?? machineConfigPath();
  for (const layer of layers) {
    refuseMachineOnly(layer, machineFile);
    validateLayer(layer);
    merged = mergeLayers(merged, layer.values);
  }
  // Layers valid alone can still conflict once merged (a default profile from one file naming a
  // profile list from another).
  const parsed = configSchema.safeParse(merged, { reportInput: true });
  if (!parsed.success) throw invalid('merged configuration', parsed.error.issues);
  return {
    config: parsed.data,
    layers: layers.map(({ kind, source, present }) => ({ kind, source, present })),
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
 * (temp file, fsync, rename), so a crash never leaves a half-written config behind.
 */
export function updateUserConfig(
  { dataDir, env = process.env }: LoadOptions,
  patch: PlainObject,
): LoadedConfig {
  const path = userConfigPath(dataDir);
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
