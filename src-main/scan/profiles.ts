/**
 * Scan profiles live in the machine's configuration (`scanner` section: device, profiles, default
 * profile), so IT staff can deploy them and a counter keeps its settings. This turns a profile
 * plus whatever the clerk overrides into a validated scan request.
 */
import { invalidInput } from '../domain/index.js';
import type { AppConfig } from '../platform/index.js';
import { ScanRequestSchema, type ScanRequest, type ScanRequestInput } from './types.js';

export type ScannerConfig = AppConfig['scanner'];
export type ScanProfile = ScannerConfig['profiles'][number];

const MODE_OF_COLOUR: Record<ScanProfile['colour'], ScanRequest['mode']> = {
  // "auto" scans in colour; the pipeline's colour/BW decision makes the final call per page.
  auto: 'color',
  color: 'color',
  gray: 'gray',
  bw: 'lineart',
};

export function findProfile(config: ScannerConfig, id: string | undefined): ScanProfile {
  const wanted = id ?? config.defaultProfile;
  const profile = config.profiles.find((p) => p.id === wanted);
  if (!profile) {
    throw invalidInput({ vi: 'Hồ sơ quét', en: 'scan profile' }, [
      {
        code: 'custom',
        path: ['profile'],
        message: `no profile "${wanted}" (have: ${config.profiles.map((p) => p.id).join(', ')})`,
        input: wanted,
      },
    ]);
  }
  return profile;
}

/** Profile defaults < explicit overrides; the result is validated (errors name the field). */
export function scanRequestFor(
  config: ScannerConfig,
  profileId: string | undefined,
  overrides: Partial<ScanRequestInput>,
): ScanRequest {
  const profile = findProfile(config, profileId);
  const input: Record<string, unknown> = {
    device: config.device,
    source: profile.source,
    dpi: profile.dpi,
    mode: MODE_OF_COLOUR[profile.colour],
    pageSize: profile.pageSize === 'auto' ? 'max' : profile.pageSize,
  };
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) input[key] = value;
  const parsed = ScanRequestSchema.safeParse(input);
  if (!parsed.success)
    throw invalidInput({ vi: 'Yêu cầu quét', en: 'scan request' }, parsed.error.issues);
  return parsed.data;
}
