/**
 * One file to the gateway over tus (tus-js-client). The upload URL is handed to the caller the
 * moment it exists, so it is persisted before the first byte leaves and an upload resumes
 * across app restarts from the server's offset; a file the server already holds completely is
 * not sent again. A transient failure (5xx, a reset) is retried in place a few times with short
 * jittered delays, resuming from the server's offset; anything else (a long Retry-After, 401,
 * 460, the line staying down) goes back to the engine, which owns backoff and connectivity.
 */
import * as tus from 'tus-js-client';
import type { HttpRequest, HttpResponse, HttpStack } from 'tus-js-client';
import { createPlainReadStream } from '../platform/index.js';
import { parseRetryAfter } from './backoff.js';
import type { Clock } from './clock.js';
import type { GatewayClient } from './gateway-client.js';
import { GatewayError, networkFailure } from './gateway-error.js';
import type { Throttle } from './throttle.js';

export interface UploadJob {
  path: string;
  size: number;
  sha256: string;
  filename: string;
  mime: string;
  /** The upload URL persisted by an earlier attempt, if any. */
  uploadUrl: string | null;
}

export interface UploadContext {
  client: GatewayClient;
  clock: Clock;
  chunkSize: number;
  throttle: Throttle;
  /** Delays of the in-place retries of transient failures, ms. */
  retryDelays: number[];
  /** Called (synchronously) as soon as the server has assigned or confirmed the upload URL. */
  onUploadUrl(url: string): void;
  signal?: AbortSignal;
}

/** Marks a HEAD answer that must not make tus-js-client start the file over. */
class HeadRefused extends Error {
  constructor(readonly response: HttpResponse) {
    super(`HEAD answered ${response.getStatus()}`);
  }
}

/**
 * tus-js-client starts a brand-new upload whenever the offset query (HEAD) fails, even for a 503
 * or a 401. Only "gone" (404/410) means the server lost the upload; anything else is turned into
 * an error so the engine retries the same upload later instead of re-sending the whole file.
 */
class ResumeSafeHttpStack implements HttpStack {
  private readonly inner = new tus.DefaultHttpStack({});

  createRequest(method: string, url: string): HttpRequest {
    const request = this.inner.createRequest(method, url);
    if (method !== 'HEAD') return request;
    const send = request.send.bind(request);
    request.send = async (body: unknown) => {
      const response = await send(body);
      const status = response.getStatus();
      if ((status >= 200 && status < 300) || status === 404 || status === 410) return response;
      throw new HeadRefused(response);
    };
    return request;
  }

  getName(): string {
    return 'ResumeSafeHttpStack';
  }
}

/** Reads slices of a file on disk through the shared throttle. */
function throttledFileReader(throttle: Throttle): tus.UploadOptions['fileReader'] {
  return {
    async openFile(input: { path: string; size: number }) {
      return {
        size: input.size,
        async slice(start: number, end: number) {
          const stop = Math.min(end, input.size);
          if (stop <= start) return { value: Buffer.alloc(0), done: true };
          const file = createPlainReadStream(input.path, { start, end: stop });
          const paced = file.pipe(throttle.stream());
          file.once('error', (error) => paced.destroy(error));
          // tus-js-client reads a stream body's length from `size`.
          return { value: Object.assign(paced, { size: stop - start }), done: stop >= input.size };
        },
        close() {},
      };
    },
  };
}

function fileIdOf(url: string): string {
  const id = new URL(url).pathname.split('/').filter(Boolean).pop();
  if (!id) throw new Error(`upload URL without an id: ${url}`);
  return decodeURIComponent(id);
}

/** Uploads (or resumes) one file; resolves with the server's file id (TepDinhKemId). */
export async function uploadFile(job: UploadJob, ctx: UploadContext): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await uploadOnce(job, ctx);
    } catch (error) {
      if (error instanceof GatewayError && error.kind === 'auth' && attempt === 0) {
        ctx.client.dropToken();
        continue;
      }
      throw error;
    }
  }
}

async function uploadOnce(job: UploadJob, ctx: UploadContext): Promise<string> {
  const token = await ctx.client.accessToken();
  return new Promise<string>((resolve, reject) => {
    let url = job.uploadUrl;
    const upload = new tus.Upload({ path: job.path, size: job.size } as unknown as Buffer, {
      endpoint: `${ctx.client.config.gatewayUrl}/files`,
      uploadUrl: job.uploadUrl,
      uploadSize: job.size,
      chunkSize: ctx.chunkSize,
      retryDelays: ctx.retryDelays,
      onShouldRetry: (error) => transient(error, ctx.clock),
      storeFingerprintForResuming: false,
      fingerprint: async () => `sohoa-${job.sha256}`,
      metadata: { filename: job.filename, mime: job.mime, sha256: job.sha256 },
      headers: { Authorization: `Bearer ${token}` },
      httpStack: new ResumeSafeHttpStack(),
      fileReader: throttledFileReader(ctx.throttle),
      onUploadUrlAvailable() {
        if (upload.url && upload.url !== url) {
          url = upload.url;
          ctx.onUploadUrl(upload.url);
        }
      },
      onSuccess() {
        ctx.signal?.removeEventListener('abort', onAbort);
        if (!upload.url) reject(new Error('tus reported success without an upload URL'));
        else resolve(fileIdOf(upload.url));
      },
      onError(error) {
        ctx.signal?.removeEventListener('abort', onAbort);
        reject(classify(error, job, ctx.clock));
      },
    });
    const onAbort = (): void => {
      void upload.abort();
      reject(new GatewayError('offline', { vi: 'Đã dừng tải lên.', en: 'Upload stopped.' }));
    };
    ctx.signal?.addEventListener('abort', onAbort, { once: true });
    upload.start();
  });
}

function responseOf(error: Error): HttpResponse | null {
  const detailed = error as tus.DetailedError;
  if (detailed.causingError instanceof HeadRefused) return detailed.causingError.response;
  return detailed.originalResponse ?? null;
}

/** Worth an immediate retry: no answer, or a 5xx/409/423 without a Retry-After longer than a second. */
function transient(error: Error, clock: Clock): boolean {
  const response = responseOf(error);
  if (!response) return true;
  const status = response.getStatus();
  if (!(status >= 500 || status === 429 || status === 409 || status === 423)) return false;
  const wait = parseRetryAfter(response.getHeader('Retry-After'), clock.now());
  return wait === undefined || wait <= 1000;
}

function classify(error: Error, job: UploadJob, clock: Clock): GatewayError {
  const response = responseOf(error);
  const what = `upload ${job.filename}`;
  if (!response) return networkFailure((error as tus.DetailedError).causingError ?? error, what);
  const status = response.getStatus();
  let message: string | undefined;
  try {
    message = (JSON.parse(response.getBody()) as { message?: string }).message;
  } catch {
    message = undefined;
  }
  const details = { file: job.path, sha256: job.sha256, status };
  if (status === 401) {
    return new GatewayError(
      'auth',
      { vi: 'Mã truy cập bị từ chối khi tải tệp.', en: 'Access token refused during upload.' },
      { status },
    );
  }
  if (status === 460) {
    return new GatewayError(
      'rejected-file',
      {
        vi: `Cổng kết nối từ chối tệp ${job.filename}: mã băm không khớp${message ? ` (${message})` : ''}.`,
        en: `The gateway rejected ${job.filename}: sha256 mismatch.`,
      },
      { status, serverMessage: message, details },
    );
  }
  if (status === 429 || status >= 500 || status === 409 || status === 423) {
    // 409: our offset and the server's disagree (a chunk landed but its answer was lost): ask again.
    return new GatewayError(
      'retryable',
      {
        vi: `Tải tệp ${job.filename} tạm thất bại (HTTP ${status}).`,
        en: `Uploading ${job.filename} failed for now (HTTP ${status}).`,
      },
      {
        status,
        serverMessage: message,
        details,
        retryAfterMs: parseRetryAfter(response.getHeader('Retry-After'), clock.now()),
      },
    );
  }
  if (status === 413) {
    return new GatewayError(
      'attention',
      {
        vi: `Tệp ${job.filename} quá lớn so với giới hạn của cổng kết nối.`,
        en: `${job.filename} exceeds the gateway's size limit.`,
      },
      { status, serverMessage: message, details },
    );
  }
  return new GatewayError(
    'protocol',
    {
      vi: `Cổng kết nối trả lời bất thường khi tải tệp ${job.filename} (HTTP ${status})${message ? `: ${message}` : ''}.`,
      en: `Unexpected gateway answer while uploading ${job.filename} (HTTP ${status}).`,
    },
    { status, serverMessage: message, details },
  );
}
