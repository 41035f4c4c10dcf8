/**
 * What the reference gateway is started with. Credentials come from `<dataDir>/credentials.json`
 * (created with a random secret on first start, so a trial needs no setup) unless given.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../domain/index.js';
import { MaDinhDanh } from '../contract/index.js';

export const GatewayCredential = z.object({
  client_id: z.string().min(1),
  client_secret: z.string().min(8),
  /** Agencies this workstation may act for. */
  MaDonVi: z.array(MaDinhDanh).min(1),
});
export type GatewayCredential = z.infer<typeof GatewayCredential>;

export const FaultOptions = z.object({
  /** Share of requests answered 503 (with Retry-After) or 500 instead of being served. */
  failRate: z.number().min(0).max(1).default(0),
  /** Share of requests whose connection is reset: before, during the body, or after the work is done. */
  resetRate: z.number().min(0).max(1).default(0),
  /** Added delay before every request, in ms. */
  latencyMs: z.number().int().min(0).max(60_000).default(0),
  /** The Retry-After value sent with injected 503s, in seconds. */
  retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
});
export type FaultOptions = z.infer<typeof FaultOptions>;

export const GatewayOptions = z.object({
  dataDir: z.string().min(1),
  host: z.string().default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(0),
  /** URL path prefix of the API, as in the contract's server URL. */
  basePath: z
    .string()
    .regex(/^\/[^?#]*[^/]$/)
    .default('/sohoa/v1'),
  credentials: z.array(GatewayCredential).min(1).optional(),
  tokenTtlSeconds: z.number().int().positive().default(3600),
  faults: FaultOptions.default({ failRate: 0, resetRate: 0, latencyMs: 0, retryAfterSeconds: 1 }),
  /** Clock of the gateway (tests move it). */
  now: z.custom<() => number>((v) => typeof v === 'function').optional(),
});
export type GatewayOptionsInput = z.input<typeof GatewayOptions>;
export type GatewayOptions = z.output<typeof GatewayOptions>;

export const DEFAULT_AGENCY = '000.00.06.H56';

export function parseGatewayOptions(input: GatewayOptionsInput): GatewayOptions {
  const parsed = GatewayOptions.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION',
      {
        vi: `Tham số máy chủ cổng kết nối không hợp lệ: ${z.prettifyError(parsed.error)}`,
        en: `Invalid gateway options: ${z.prettifyError(parsed.error)}`,
      },
      { details: { issues: parsed.error.issues } },
    );
  }
  return parsed.data;
}

/** Reads `<dataDir>/credentials.json`, creating it with one random workstation credential. */
export function loadOrCreateCredentials(dataDir: string): GatewayCredential[] {
  const file = join(dataDir, 'credentials.json');
  if (!existsSync(file)) {
    const initial: GatewayCredential[] = [
      {
        client_id: 'workstation-1',
        client_secret: randomBytes(18).toString('base64url'),
        MaDonVi: [DEFAULT_AGENCY],
      },
    ];
    writeFileSync(file, `${JSON.stringify(initial, null, 2)}\n`, { mode: 0o600 });
    return initial;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new AppError(
      'VALIDATION',
      { vi: `Tệp ${file} không phải JSON hợp lệ.`, en: `${file} is not valid JSON.` },
      { cause, details: { file } },
    );
  }
  const parsed = z.array(GatewayCredential).min(1).safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION',
      {
        vi: `Tệp thông tin đăng nhập ${file} không hợp lệ: ${z.prettifyError(parsed.error)}`,
        en: `Invalid credentials file ${file}: ${z.prettifyError(parsed.error)}`,
      },
      { details: { file } },
    );
  }
  return parsed.data;
}
