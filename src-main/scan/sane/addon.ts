/**
 * Loads the native scanner addon (native/, built by `npm install`). When it is missing, the
 * reason recorded by native/build.mjs (or the load error) is what the SANE driver reports as
 * "unavailable"; nothing else in the app depends on the addon being present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { appRoot } from '../../platform/index.js';

export interface SaneParameters {
  format: 'gray' | 'rgb' | 'red' | 'green' | 'blue' | 'unknown';
  lastFrame: boolean;
  bytesPerLine: number;
  pixelsPerLine: number;
  /** -1 when the height is unknown until the end (hand scanners, page-end detection). */
  lines: number;
  depth: number;
}

export interface SaneOption {
  index: number;
  name: string;
  title: string;
  description: string;
  type: 'bool' | 'int' | 'fixed' | 'string' | 'button' | 'group';
  unit: 'none' | 'pixel' | 'bit' | 'mm' | 'dpi' | 'percent' | 'microsecond';
  active: boolean;
  settable: boolean;
  automatic: boolean;
  advanced: boolean;
  constraint:
    | { kind: 'range'; min: number; max: number; quant: number }
    | { kind: 'list'; values: Array<string | number> }
    | null;
  value: string | number | boolean | number[] | null;
}

export interface SaneSetResult {
  inexact: boolean;
  reloadOptions: boolean;
  reloadParams: boolean;
}

export interface SaneDeviceHandle {
  options(): SaneOption[];
  setOption(index: number, value: string | number | boolean | number[]): SaneSetResult;
  setAuto(index: number): void;
  parameters(): SaneParameters;
  start(): Promise<SaneParameters>;
  /** Fills `buffer` with the next bytes of the current frame; `eof` marks the frame's end. */
  read(buffer: Buffer): Promise<{ bytes: number; eof: boolean }>;
  cancel(): void;
  close(): void;
}

export interface SaneApi {
  init(): { major: number; minor: number; build: number };
  exit(): void;
  getDevices(
    localOnly: boolean,
  ): Promise<Array<{ name: string; vendor: string; model: string; type: string }>>;
  open(name: string): Promise<SaneDeviceHandle>;
}

/** The status name the addon attaches to its errors (e.g. "JAMMED"), if any. */
export function saneStatusOf(error: unknown): string | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'string' ? status : undefined;
}

export type AddonLoad = { ok: true; sane: SaneApi } | { ok: false; reason: string };

function addonDir(): string {
  return process.env.SOHOA_SCANNER_ADDON_DIR ?? join(appRoot(), 'native', 'build');
}

export function loadScannerAddon(): AddonLoad {
  const dir = addonDir();
  const file = join(dir, 'Release', 'sohoa_scanner.node');
  if (!existsSync(file)) {
    const recorded = join(dir, 'unavailable.json');
    if (existsSync(recorded)) {
      try {
        const { reason } = JSON.parse(readFileSync(recorded, 'utf8')) as { reason?: string };
        if (reason) return { ok: false, reason };
      } catch {
        // an unreadable note is no reason at all; fall through to the generic one
      }
    }
    return {
      ok: false,
      reason: `the scanner addon is not built (${file} is missing); run "node native/build.mjs"`,
    };
  }
  try {
    const addon = createRequire(import.meta.url)(file) as { sane?: SaneApi };
    if (!addon.sane)
      return { ok: false, reason: 'this build of the scanner addon has no SANE support' };
    return { ok: true, sane: addon.sane };
  } catch (error) {
    return { ok: false, reason: `the scanner addon failed to load: ${(error as Error).message}` };
  }
}
