import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import { ErrorBody, MAX_PUSH_BYTES, UPLOADS_PATH } from '../../common/sync/api';
import { routes, type RouteName, type RouteSpec } from '../../common/sync/routes';
import { seedCatalogIfEmpty } from '../catalog-seed';
import { isTransient } from '../db/errors';
import { openCentralStore, type CentralStore } from '../db/open';
import { adminToken, loadSecret, tokensEqual, verifyCredential, type DeviceIdentity } from '../store/credentials';
import { createUploadEndpoint } from '../uploads/endpoint';
import { Faults } from './faults';
import { centralHandlers, type HandlerContext } from './handlers';
import { bearer, HttpError, readJson, sendJson } from './io';

export interface CentralServerOptions {
  dataDir: string;
  databaseUrl?: string;
  port: number;
  host?: string;
  /** Lets /v1/admin/faults arm fault injection. Tests only. */
  allowFaults?: boolean;
  /** Pushes applied at once per instance; more are answered 429 with Retry-After (default: 4 on SQLite, which has one writer anyway; 8 on PostgreSQL). */
  maxConcurrentPushes?: number;
  /** Catalog seed folder (resources/catalog) used when the catalog is empty. */
  catalogSeedDir?: string;
  onError?: (err: unknown, route: string) => void;
}

export interface CentralServer {
  url: string;
  port: number;
  store: CentralStore;
  adminToken: string;
  close(): Promise<void>;
}

const byPath = new Map<string, [RouteName, RouteSpec]>(Object.entries(routes).map(([name, r]) => [`${r.method} ${r.path}`, [name as RouteName, r]]));

/**
 * The reference central platform over node:http. Request handling is stateless (everything lives
 * in the database; credentials are verified from their signature), so instances can share one
 * database behind a load balancer. TLS is the deployment's job (a reverse proxy in front).
 */
export async function startCentralServer(opts: CentralServerOptions): Promise<CentralServer> {
  const store = await openCentralStore(opts);
  await seedCatalogIfEmpty(store.db, opts.catalogSeedDir);
  const secret = loadSecret(opts.dataDir);
  const admin = adminToken(secret);
  const faults = new Faults(Boolean(opts.allowFaults));
  const handlers = centralHandlers();
  const uploads = createUploadEndpoint(store, opts.dataDir);
  const maxPushes = opts.maxConcurrentPushes ?? (store.backend === 'postgres' ? 8 : 4);
  let pushesInFlight = 0;
  const envelope = () => ({ generation: store.generation, serverTime: new Date().toISOString() });

  const fail = (res: http.ServerResponse, err: HttpError) => {
    const body: ErrorBody = { ...envelope(), error: { code: err.code, message: err.message } };
    sendJson(res, err.status, body, err.retryAfterSeconds !== undefined ? { 'retry-after': String(err.retryAfterSeconds) } : {});
  };

  const authenticate = (req: http.IncomingMessage, spec: RouteSpec): DeviceIdentity | null => {
    if (spec.auth === 'none') return null;
    const token = bearer(req);
    if (!token) throw new HttpError(401, 'UNAUTHENTICATED', '缺少设备凭据：请先用注册码注册本窗口（yichuang enroll）。');
    if (spec.auth === 'admin') {
      if (!tokensEqual(token, admin)) throw new HttpError(403, 'FORBIDDEN', '需要中心平台管理员令牌。');
      return null;
    }
    const who = verifyCredential(secret, token);
    if (!who) throw new HttpError(401, 'UNAUTHENTICATED', '设备凭据无效或已被替换：请重新注册本窗口。');
    return who;
  };

  const parse = <T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> => {
    const r = schema.safeParse(value);
    if (!r.success) {
      const first = r.error.issues[0];
      throw new HttpError(400, 'BAD_REQUEST', `${where}无效（${first?.path.join('.') || '整体'}）：${first?.message ?? ''}`);
    }
    return r.data;
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://central');
    if (url.pathname === UPLOADS_PATH || url.pathname.startsWith(`${UPLOADS_PATH}/`)) {
      // tus: OPTIONS is discovery (no credential); everything else as the enrolled window.
      const who = req.method === 'OPTIONS' ? { deviceId: '', hall: '', window: '' } : authenticate(req, { auth: 'device' } as RouteSpec)!;
      return uploads.handle(req, res, who);
    }
    const found = byPath.get(`${req.method} ${url.pathname}`);
    if (!found) throw new HttpError(404, 'NOT_FOUND', `没有这个接口：${req.method} ${url.pathname.slice(0, 100)}`);
    const [name, spec] = found;
    const who = authenticate(req, spec);
    const isPush = name === 'push';
    if (isPush) {
      const fault = faults.allowed ? faults.beforePush() : { type: 'none' as const };
      if (fault.type === '500') throw new HttpError(500, 'INTERNAL', '（故障注入）内部错误。');
      if (fault.type === '429') throw new HttpError(429, 'RATE_LIMITED', '（故障注入）请求过多，请稍后再试。', fault.retryAfterSeconds);
      if (pushesInFlight >= maxPushes) throw new HttpError(429, 'RATE_LIMITED', '中心平台繁忙，请稍后再试。', 1);
    }
    if (name === 'adminFaults' && !faults.allowed) throw new HttpError(403, 'FORBIDDEN', '本实例未开启故障注入。');
    const body = spec.body ? parse(spec.body, await readJson(req, MAX_PUSH_BYTES), '请求内容') : undefined;
    const query = spec.query ? parse(spec.query, Object.fromEntries(url.searchParams), '查询参数') : undefined;
    const ctx: HandlerContext = { store, secret, who, body, query, faults, uploads };
    if (!isPush) return sendJson(res, 200, { ...envelope(), ...(await handlers[name](ctx)) });
    pushesInFlight++;
    try {
      if (faults.allowed && faults.delayMs > 0) await new Promise((r) => setTimeout(r, faults.delayMs));
      const answer = { ...envelope(), ...(await handlers.push(ctx)) };
      // Committed; a lost answer is what a real network does to us. The window must retry and get `duplicate`.
      if (faults.allowed && faults.dropAfterCommit()) return void req.socket.destroy();
      sendJson(res, 200, answer);
    } finally {
      pushesInFlight--;
    }
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent || req.socket.destroyed) return;
      if (err instanceof HttpError) return fail(res, err);
      if (isTransient(err)) return fail(res, new HttpError(503, 'UNAVAILABLE', '中心数据库繁忙或暂时不可达，请稍后重试。', 1));
      opts.onError?.(err, req.url ?? '');
      fail(res, new HttpError(500, 'INTERNAL', '中心平台内部错误，请稍后重试。'));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    port,
    store,
    adminToken: admin,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
    },
  };
}
