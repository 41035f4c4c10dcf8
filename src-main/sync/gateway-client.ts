/**
 * The HTTP client of the gateway contract. Every answer is checked against the contract's zod
 * schemas before anything is stored, so a proxy's HTML page or a half-written JSON body can
 * never be mistaken for the province's word. Tokens are fetched on demand and renewed once on
 * a 401, as the contract prescribes.
 */
import type { z } from 'zod';
import type { Agency, Dossier, Procedure, RemoteDossier, SavedResponse } from './contract/index.js';
import {
  AgencyList,
  CodeLeaseResponse,
  ErrorBody,
  ProcedureList,
  RemoteDossier as RemoteDossierSchema,
  SavedResponse as SavedResponseSchema,
  TokenResponse,
} from './contract/index.js';
import { parseRetryAfter } from './backoff.js';
import type { Clock } from './clock.js';
import type { SyncSettings } from './config.js';
import { GatewayError, networkFailure } from './gateway-error.js';

/** Renew a token this long before the gateway says it expires, so it never dies mid-upload. */
const TOKEN_MARGIN_MS = 60_000;

interface CallOptions<S extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  schema: S;
  /** Statuses answered with `undefined` instead of an error (e.g. 404 on GET dossier). */
  absentOn?: number[];
  what: string;
}

export class GatewayClient {
  private token: { value: string; expiresAt: number } | undefined;

  constructor(
    readonly config: SyncSettings,
    private readonly clock: Clock,
  ) {}

  /** A valid access token, fetching a new one when none is held or it is about to expire. */
  async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt - TOKEN_MARGIN_MS > this.clock.now())
      return this.token.value;
    const response = await this.send('POST', '/auth/token', 'auth/token', {
      body: {
        client_id: this.config.clientId,
        client_secret: this.config.clientSecret,
        MaDonVi: this.config.agency,
      },
    });
    const text = await response.text();
    if (response.status === 401) {
      throw new GatewayError(
        'auth',
        {
          vi: `Cổng kết nối từ chối thông tin đăng nhập của máy trạm (${serverMessage(text) ?? 'không rõ lý do'}). Kiểm tra mã máy trạm, mật khẩu và mã đơn vị.`,
          en: `The gateway refused this workstation's credentials (${serverMessage(text) ?? 'no reason given'}). Check the client id, secret and agency code.`,
        },
        { status: 401, serverMessage: serverMessage(text) },
      );
    }
    const token = this.interpret(response, text, TokenResponse, 'auth/token');
    this.token = {
      value: token.access_token,
      expiresAt: this.clock.now() + token.expires_in * 1000,
    };
    return token.access_token;
  }

  /** Forget the token (the gateway said 401): the next call fetches a new one. */
  dropToken(): void {
    this.token = undefined;
  }

  agencies(): Promise<{ version: string; items: Agency[] }> {
    return this.call({
      method: 'GET',
      path: '/catalog/agencies',
      schema: AgencyList,
      what: 'catalog/agencies',
    });
  }

  procedures(updatedSince?: string): Promise<{ version: string; items: Procedure[] }> {
    const query = updatedSince ? `?updated_since=${encodeURIComponent(updatedSince)}` : '';
    return this.call({
      method: 'GET',
      path: `/catalog/procedures${query}`,
      schema: ProcedureList,
      what: 'catalog/procedures',
    });
  }

  async leaseCodes(day: string, count: number): Promise<string[]> {
    const result = await this.call({
      method: 'POST',
      path: '/dossier-codes',
      body: { MaDonVi: this.config.agency, Ngay: day, SoLuong: count },
      schema: CodeLeaseResponse,
      what: 'dossier-codes',
    });
    return result.MaHoSo;
  }

  putDossier(dossier: Dossier, ifMatch?: string): Promise<SavedResponse> {
    return this.call({
      method: 'PUT',
      path: `/dossiers/${encodeURIComponent(dossier.MaHoSo)}`,
      body: dossier,
      headers: ifMatch ? { 'If-Match': ifMatch } : {},
      schema: SavedResponseSchema,
      what: `PUT dossier ${dossier.MaHoSo}`,
    });
  }

  /** The dossier as the province holds it, or undefined when it does not know it. */
  getDossier(code: string): Promise<RemoteDossier | undefined> {
    return this.call({
      method: 'GET',
      path: `/dossiers/${encodeURIComponent(code)}`,
      schema: RemoteDossierSchema,
      absentOn: [404],
      what: `GET dossier ${code}`,
    });
  }

  /**
   * True when the gateway answers at all (any HTTP status): the line is up. Two tries, so one
   * dropped probe on a flaky line does not send the station into offline mode.
   */
  async reachable(): Promise<boolean> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        await fetch(`${this.config.gatewayUrl}/catalog/agencies`, {
          method: 'HEAD',
          signal: AbortSignal.timeout(Math.min(this.config.requestTimeoutMs, 10_000)),
        });
        return true;
      } catch {
        if (attempt === 0) await this.clock.sleep(200);
      }
    }
    return false;
  }

  private async call<S extends z.ZodType>(
    options: CallOptions<S> & { absentOn: number[] },
  ): Promise<z.output<S> | undefined>;
  private async call<S extends z.ZodType>(options: CallOptions<S>): Promise<z.output<S>>;
  private async call<S extends z.ZodType>(
    options: CallOptions<S>,
  ): Promise<z.output<S> | undefined> {
    for (let attempt = 0; ; attempt += 1) {
      const token = await this.accessToken();
      const response = await this.send(options.method, options.path, options.what, {
        body: options.body,
        headers: { ...options.headers, Authorization: `Bearer ${token}` },
      });
      const text = await response.text();
      if (response.status === 401 && attempt === 0) {
        this.dropToken();
        continue;
      }
      if (options.absentOn?.includes(response.status)) return undefined;
      return this.interpret(response, text, options.schema, options.what);
    }
  }

  private async send(
    method: string,
    path: string,
    what: string,
    init: { body?: unknown; headers?: Record<string, string> },
  ): Promise<Response> {
    try {
      return await fetch(`${this.config.gatewayUrl}${path}`, {
        method,
        headers: {
          Accept: 'application/json',
          ...(init.body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
          ...init.headers,
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(this.config.requestTimeoutMs),
        redirect: 'error',
      });
    } catch (cause) {
      throw networkFailure(cause, what);
    }
  }

  /** Maps one answer to data or to the GatewayError that says what the engine must do. */
  private interpret<S extends z.ZodType>(
    response: Response,
    text: string,
    schema: S,
    what: string,
  ): z.output<S> {
    const status = response.status;
    const message = serverMessage(text);
    if (status === 401) {
      throw new GatewayError(
        'auth',
        {
          vi: `Cổng kết nối vẫn từ chối mã truy cập mới (${what}): ${message ?? ''}`,
          en: `The gateway refused a fresh access token (${what}): ${message ?? ''}`,
        },
        { status, serverMessage: message },
      );
    }
    if (status === 429 || status >= 500) {
      throw new GatewayError(
        'retryable',
        {
          vi: `Cổng kết nối tạm thời không phục vụ được (${what}, HTTP ${status})${message ? `: ${message}` : ''}`,
          en: `The gateway is temporarily unavailable (${what}, HTTP ${status})`,
        },
        {
          status,
          serverMessage: message,
          retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), this.clock.now()),
        },
      );
    }
    if ((status === 409 || status === 422) && message !== undefined) {
      throw new GatewayError(
        'attention',
        {
          vi: `Cổng kết nối từ chối (${what}): ${message}`,
          en: `The gateway refused (${what}, HTTP ${status}): ${message}`,
        },
        { status, serverMessage: message },
      );
    }
    if (status < 200 || status >= 300) {
      throw protocolError(what, `HTTP ${status}${message ? `: ${message}` : ''}`, status);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw protocolError(what, `not JSON (${describeBody(response, text)})`, status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`);
      throw protocolError(what, `unexpected shape (${issues.join('; ')})`, status);
    }
    return parsed.data;
  }
}

function serverMessage(text: string): string | undefined {
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.message : undefined;
  } catch {
    return undefined;
  }
}

function describeBody(response: Response, text: string): string {
  const type = response.headers.get('content-type') ?? 'no content-type';
  return `${type}, ${text.length} bytes: ${JSON.stringify(text.slice(0, 60))}`;
}

function protocolError(what: string, detail: string, status: number): GatewayError {
  return new GatewayError(
    'protocol',
    {
      vi: `Cổng kết nối trả lời sai định dạng (${what}): ${detail}. Có thể có máy chủ trung gian chặn kết nối.`,
      en: `The gateway answered outside the contract (${what}): ${detail}. A proxy or captive portal may be in the way.`,
    },
    { status, details: { what } },
  );
}
