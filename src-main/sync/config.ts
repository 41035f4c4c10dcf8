/**
 * The sync engine's settings, taken from the app configuration (`gateway`, `agency` and `sync`
 * sections) plus the workstation's client secret, which never sits in a config file nor in the
 * data folder: `sohoa sync login` puts it in the keychain (the OS keychain in the desktop app,
 * an owner-only file outside the data folder elsewhere); `SOHOA_GATEWAY_SECRET` overrides it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../domain/index.js';
import { processKeychain } from '../platform/index.js';
import type { AppConfig } from '../platform/index.js';
import { checkGatewayUrl } from './url-policy.js';

export interface SyncSettings {
  gatewayUrl: string;
  clientId: string;
  clientSecret: string;
  /** MaDonVi of this counter. */
  agency: string;
  chunkSize: number;
  /** bytes per second, 0 = no cap */
  bandwidthLimit: number;
  concurrency: number;
  codeBlockSize: number;
  requestTimeoutMs: number;
  catalogRefreshMs: number;
  statusPullMs: number;
  backoff: { baseMs: number; maxMs: number };
}

function missing(what: { vi: string; en: string }): AppError {
  return new AppError('NOT_CONFIGURED', {
    vi: `Chưa cấu hình đồng bộ: thiếu ${what.vi}.`,
    en: `Sync is not configured: ${what.en} is missing.`,
  });
}

export function syncSettingsFrom(
  config: AppConfig,
  clientSecret: string | undefined,
): SyncSettings {
  if (!config.gateway.baseUrl)
    throw missing({ vi: 'địa chỉ cổng kết nối (gateway.baseUrl)', en: 'gateway.baseUrl' });
  if (!config.gateway.clientId)
    throw missing({ vi: 'mã máy trạm (gateway.clientId)', en: 'gateway.clientId' });
  if (!config.agency.code) throw missing({ vi: 'mã đơn vị (agency.code)', en: 'agency.code' });
  if (!clientSecret) {
    throw missing({
      vi: 'mật khẩu máy trạm (dùng "sohoa sync login" hoặc biến SOHOA_GATEWAY_SECRET)',
      en: 'the client secret (use "sohoa sync login" or SOHOA_GATEWAY_SECRET)',
    });
  }
  return {
    gatewayUrl: checkGatewayUrl(config.gateway.baseUrl),
    clientId: config.gateway.clientId,
    clientSecret,
    agency: config.agency.code,
    chunkSize: config.sync.chunkSizeKb * 1024,
    bandwidthLimit: config.sync.bandwidthLimitKbps * 1024,
    concurrency: config.sync.maxConcurrentUploads,
    codeBlockSize: config.sync.codeBlockSize,
    requestTimeoutMs: config.gateway.timeoutMs,
    catalogRefreshMs: config.sync.catalogRefreshMinutes * 60_000,
    statusPullMs: config.sync.statusPullMinutes * 60_000,
    backoff: { baseMs: config.sync.retryBaseMs, maxMs: config.sync.retryMaxMs },
  };
}

/** Where older versions kept the secret, inside the data folder; moved out on first read. */
function legacySecretFile(dataDir: string): string {
  return join(dataDir, 'secrets', 'gateway-client-secret');
}

/** One secret per data folder (a contractor's PC may sync several folders to several gateways). */
function secretName(dataDir: string): string {
  const id = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  return `gateway-client-secret-${id}`;
}

/**
 * The client secret: `SOHOA_GATEWAY_SECRET` in `env`, else the keychain's. `env` only decides
 * the override; the keychain is the process's (the app installs the OS one).
 */
export function readClientSecret(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (env.SOHOA_GATEWAY_SECRET) return env.SOHOA_GATEWAY_SECRET;
  const stored = processKeychain().get(secretName(dataDir))?.toString('utf8');
  if (stored) return stored;
  const legacy = legacySecretFile(dataDir);
  if (!existsSync(legacy)) return undefined;
  const secret = readFileSync(legacy, 'utf8').trim() || undefined;
  if (secret) writeClientSecret(dataDir, secret);
  rmSync(legacy, { force: true });
  return secret;
}

/** What a person may store as the client secret (the gateway issues it; spaces around are typing slips). */
export const ClientSecretSchema = z
  .string()
  .trim()
  .min(8, 'ít nhất 8 ký tự / at least 8 characters')
  .max(512, 'tối đa 512 ký tự / at most 512 characters')
  .regex(
    /^[\x21-\x7e]+$/,
    'chữ, số, ký hiệu ASCII, không dấu cách / ASCII letters, digits, symbols, no spaces',
  );

/** Whether a secret is there, never the secret itself (what Settings shows). */
export interface ClientSecretState {
  /** The keychain holds one for this data folder. */
  stored: boolean;
  /** `SOHOA_GATEWAY_SECRET` is set and wins over the keychain's. */
  fromEnvironment: boolean;
}

export function clientSecretState(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): ClientSecretState {
  return {
    stored: processKeychain().get(secretName(dataDir)) !== undefined,
    fromEnvironment: Boolean(env.SOHOA_GATEWAY_SECRET),
  };
}

export function clearClientSecret(dataDir: string): void {
  processKeychain().delete(secretName(dataDir));
  rmSync(legacySecretFile(dataDir), { force: true });
}

export function writeClientSecret(dataDir: string, secret: string): void {
  // The folder the secret belongs to exists from its login on, as it did when the file lived there.
  mkdirSync(dataDir, { recursive: true });
  processKeychain().set(secretName(dataDir), Buffer.from(secret, 'utf8'));
}
