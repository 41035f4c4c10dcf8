/**
 * The sync engine's settings, taken from the app configuration (`gateway`, `agency` and `sync`
 * sections) plus the workstation's client secret, which never sits in a config file: the app
 * passes it from the OS keychain; the CLI reads `SOHOA_GATEWAY_SECRET` or the 0600 file
 * `<dataDir>/secrets/gateway-client-secret` written by `sohoa sync login`.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../domain/index.js';
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

function secretFile(dataDir: string): string {
  return join(dataDir, 'secrets', 'gateway-client-secret');
}

export function readClientSecret(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (env.SOHOA_GATEWAY_SECRET) return env.SOHOA_GATEWAY_SECRET;
  const file = secretFile(dataDir);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || undefined : undefined;
}

export function writeClientSecret(dataDir: string, secret: string): void {
  const dir = join(dataDir, 'secrets');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = secretFile(dataDir);
  writeFileSync(`${file}.tmp`, `${secret}\n`, { mode: 0o600 });
  chmodSync(`${file}.tmp`, 0o600);
  renameSync(`${file}.tmp`, file);
}
