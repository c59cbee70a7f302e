import type { z } from 'zod';
import { ErrorBody } from '../../common/sync/api';
import { routes, type RouteName } from '../../common/sync/routes';
import { parseRetryAfter } from './backoff';

export type CentralFailure = 'offline' | 'timeout' | 'server' | 'rate_limited' | 'unauthenticated' | 'refused' | 'protocol';

/**
 * A failed exchange with the central platform, classified: `retryable` ones are retried with
 * backoff; the others need a person (re-enrol, upgrade, fix the data).
 */
export class CentralError extends Error {
  constructor(
    readonly failure: CentralFailure,
    message: string,
    readonly opts: { status?: number; retryAfterMs?: number; code?: string; generation?: string } = {},
  ) {
    super(message);
    this.name = 'CentralError';
  }
  get retryable(): boolean {
    return this.failure === 'offline' || this.failure === 'timeout' || this.failure === 'server' || this.failure === 'rate_limited';
  }
}

type Route = (typeof routes)[RouteName];
type Response<N extends RouteName> = z.output<(typeof routes)[N]['response']>;

export interface CentralClientOptions {
  baseUrl: string;
  credential?: string | null;
  /** Per request. */
  timeoutMs?: number;
}

/** Typed calls to /v1 over fetch; every answer is validated against the shared contract. */
export class CentralClient {
  constructor(private readonly opts: CentralClientOptions) {}

  get baseUrl(): string {
    return this.opts.baseUrl;
  }

  async call<N extends RouteName>(name: N, input: { query?: Record<string, string | number>; body?: unknown; timeoutMs?: number } = {}): Promise<Response<N>> {
    const route: Route = routes[name];
    const url = new URL(route.path, this.opts.baseUrl.endsWith('/') ? this.opts.baseUrl : `${this.opts.baseUrl}/`);
    for (const [k, v] of Object.entries(input.query ?? {})) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (route.auth === 'device' && this.opts.credential) headers.authorization = `Bearer ${this.opts.credential}`;
    if (input.body !== undefined) headers['content-type'] = 'application/json';
    let res: globalThis.Response;
    try {
      res = await fetch(url, {
        method: route.method,
        headers,
        body: input.body === undefined ? undefined : JSON.stringify(input.body),
        signal: AbortSignal.timeout(input.timeoutMs ?? this.opts.timeoutMs ?? 30_000),
      });
    } catch (err) {
      if ((err as Error)?.name === 'TimeoutError') throw new CentralError('timeout', '中心平台响应超时，稍后自动重试。');
      throw new CentralError('offline', `无法连接中心平台（${url.host}）：网络不通或服务未启动，稍后自动重试。`);
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      // The connection broke mid-answer, or a proxy answered with HTML: either way, try again later.
      throw new CentralError(res.ok ? 'offline' : 'server', `中心平台的应答不完整（HTTP ${res.status}），稍后自动重试。`, { status: res.status });
    }
    if (!res.ok) throw this.failureOf(res, json);
    const parsed = route.response.safeParse(json);
    if (!parsed.success)
      throw new CentralError('protocol', `中心平台的应答不符合接口约定（${name}）：请确认中心平台与本程序版本匹配。`, { status: res.status });
    return parsed.data as Response<N>;
  }

  private failureOf(res: globalThis.Response, json: unknown): CentralError {
    const body = ErrorBody.safeParse(json);
    const message = body.success ? body.data.error.message : `中心平台返回错误（HTTP ${res.status}）。`;
    const info = { status: res.status, code: body.success ? body.data.error.code : undefined, generation: body.success ? body.data.generation : undefined };
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
    if (res.status === 429) return new CentralError('rate_limited', message, { ...info, retryAfterMs });
    if (res.status === 409 || res.status === 408 || res.status >= 500) return new CentralError('server', message, { ...info, retryAfterMs });
    if (res.status === 401 || res.status === 403) return new CentralError('unauthenticated', message, info);
    return new CentralError('refused', message, info);
  }
}
