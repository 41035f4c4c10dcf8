/**
 * The province's update feed in electron-builder's "generic" layout: a folder with one YAML file
 * per channel and platform (`latest-linux.yml`, `beta.yml`, …) next to the installers. Reading it
 * here, without Electron, lets the CLI, browser mode and doctor answer "is this station behind?"
 * the same way the desktop app's updater would.
 */
import { load as parseYaml } from 'js-yaml';
import semver from 'semver';
import { z } from 'zod';
import { AppError } from '../../domain/index.js';

export type ReleaseChannel = 'stable' | 'beta';

/** electron-updater names the stable line "latest"; Windows files carry no platform suffix. */
export function feedFileName(
  channel: ReleaseChannel,
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
): string {
  const base = channel === 'stable' ? 'latest' : 'beta';
  if (platform === 'win32') return `${base}.yml`;
  if (platform === 'darwin') return `${base}-mac.yml`;
  return arch === 'arm64' ? `${base}-linux-arm64.yml` : `${base}-linux.yml`;
}

const releaseSchema = z.object({
  version: z.string().refine((v) => semver.valid(v) !== null, 'not a semantic version'),
  releaseDate: z.string().optional(),
  files: z
    .array(
      z.object({
        url: z.string().min(1),
        sha512: z.string().min(1),
        size: z.number().int().nonnegative().optional(),
      }),
    )
    .min(1),
});

export type Release = z.infer<typeof releaseSchema>;

export interface FeedRequest {
  feedUrl: string;
  channel: ReleaseChannel;
  timeoutMs: number;
  platform?: NodeJS.Platform;
  arch?: string;
}

/** Fetches and validates the release the feed currently offers for this channel and platform. */
export async function readFeed(request: FeedRequest): Promise<Release> {
  const url = new URL(
    feedFileName(request.channel, request.platform, request.arch),
    request.feedUrl.endsWith('/') ? request.feedUrl : `${request.feedUrl}/`,
  ).href;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(request.timeoutMs) });
  } catch (cause) {
    throw new AppError(
      'UPDATE_UNAVAILABLE',
      {
        vi: `Không kết nối được nguồn cập nhật ${url}`,
        en: `Cannot reach the update feed ${url}`,
      },
      { cause, details: { url } },
    );
  }
  if (!response.ok) {
    throw new AppError(
      response.status === 404 ? 'UPDATE_NOT_FOUND' : 'UPDATE_UNAVAILABLE',
      {
        vi: `Nguồn cập nhật trả lời ${response.status} cho ${url}`,
        en: `The update feed answered ${response.status} for ${url}`,
      },
      { details: { url, status: response.status } },
    );
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (cause) {
    throw invalidFeed(url, 'YAML', cause);
  }
  const release = releaseSchema.safeParse(parsed);
  if (!release.success) throw invalidFeed(url, release.error.issues[0]?.message ?? '', undefined);
  return release.data;
}

function invalidFeed(url: string, reason: string, cause: unknown): AppError {
  return new AppError(
    'UPDATE_FEED_INVALID',
    {
      vi: `Tệp ${url} của nguồn cập nhật không hợp lệ (${reason})`,
      en: `The update feed file ${url} is invalid (${reason})`,
    },
    { cause, details: { url } },
  );
}
