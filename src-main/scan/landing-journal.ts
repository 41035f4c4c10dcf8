/**
 * What the spool needs to land a page again after the app died: each scan's spool folder names
 * its destination (`target.json`, written before the first page), and each page gets an intent
 * marker just before it is handed to the destination, holding the image's hash and the
 * destination's watermark at that moment. A page whose marker exists may or may not have landed;
 * the destination answers which by looking for that hash beyond the watermark, so two identical
 * sheets in a row are still two pages.
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageLocation } from './destination.js';

export type LandingTarget =
  | { kind: 'out'; dir: string; /** pages are sealed with the data key */ sealed?: boolean }
  | { kind: 'dossier'; MaHoSo: string; MaThanhPhanHoSo: string };

/** What a destination offers so a spooled page can be landed again exactly once. */
export interface DestinationJournal {
  readonly target: LandingTarget;
  /** A value that grows with every page landed here (highest page id, next file number). */
  watermark(): number;
  /** The page with this content landed after `watermark`, if any. */
  landedSince(sha256: string, watermark: number): PageLocation | undefined;
}

export interface SpoolTargetFile {
  /** `null`: the scan's destination could not be described (it cannot be recovered). */
  target: LandingTarget | null;
  /** The app process that owns the scan; its spool is left alone while it lives. */
  pid: number;
  createdAt: number;
}

export interface LandingIntent {
  sha256: string;
  watermark: number;
}

export const TARGET_FILE = 'target.json';
const intentFile = (dir: string, index: number) =>
  join(dir, `page-${String(index).padStart(4, '0')}.landing.json`);

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Written whole or not at all: temp file, fsync, rename. */
function writeDurably(path: string, value: unknown): void {
  const temp = `${path}.tmp`;
  writeFileSync(temp, JSON.stringify(value));
  const fd = openSync(temp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export function writeSpoolTarget(dir: string, target: LandingTarget | undefined): void {
  writeDurably(join(dir, TARGET_FILE), {
    target: target ?? null,
    pid: process.pid,
    createdAt: Date.now(),
  } satisfies SpoolTargetFile);
}

export function readSpoolTarget(dir: string): SpoolTargetFile | undefined {
  return readJson<SpoolTargetFile>(join(dir, TARGET_FILE));
}

export function writeLandingIntent(dir: string, index: number, intent: LandingIntent): void {
  writeDurably(intentFile(dir, index), intent);
}

export function readLandingIntent(dir: string, index: number): LandingIntent | undefined {
  return readJson<LandingIntent>(intentFile(dir, index));
}

export function landingIntentPath(dir: string, index: number): string {
  return intentFile(dir, index);
}
