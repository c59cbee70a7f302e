import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { App } from '../app/app';
import type { EarlyInvoke } from '../api/services';
import { HOST_BYTES_PATH, HOST_FILES_PATH } from '../../common/bridge';
import { bytesLimitOf, PAGE_TOO_LARGE_MESSAGE } from '../../common/contract/page-limits';
import { createLogger } from '../../platform/log/logger';
import { BRIDGE_SCRIPT, bridgeScript } from './bridge-script';
import { contentSecurityPolicy } from './csp';
import { cacheControlOf, MIME } from './mime';

// The event gates come with the API contracts (every zod schema): loaded once the app is built,
// so the host listens and serves the page before the contracts are evaluated.
const eventGates = () => import('../auth/event-gate');

export interface HostOptions {
  /**
   * The app, or the app still being built: the host then listens (and serves the renderer's files)
   * at once, and API calls and event sockets wait for it, so the browser loads the page meanwhile.
   */
  app: App | Promise<App>;
  /** Answers auth.status before the app is built (AppOptions.onAuthReady): the page picks its screen sooner. */
  earlyAuth?: Promise<EarlyInvoke>;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** Fixed token for tests; random per run otherwise. */
  token?: string;
  /** The applicant screen's own token (fixed for tests; random per run otherwise). */
  applicantToken?: string;
}

export interface Host {
  url: string;
  /** Open this once: it sets the session cookie and redirects to the app. */
  openUrl: string;
  token: string;
  /** The applicant screen (issue 18): open this on the applicant-facing display, in its own browser profile. */
  applicantUrl: string;
  port: number;
  close(): Promise<void>;
}

const COOKIE = 'yc_token';
/**
 * The applicant screen lives under its own path with its own token and cookie (scoped to the path):
 * every call from there runs as the applicant-screen caller, every event it gets is on its list.
 */
const APPLICANT_PREFIX = '/applicant';
const APPLICANT_COOKIE = 'yc_applicant';
const MAX_BODY = 2 * 1024 * 1024;
/**
 * The loopback host: the built renderer and the same API router over HTTP + WebSocket,
 * bound to 127.0.0.1 only, guarded by a random per-run token and an Origin check.
 */
export async function startHost(opts: HostOptions): Promise<Host> {
  const log = createLogger('host');
  const token = opts.token ?? crypto.randomBytes(24).toString('hex');
  const applicantToken = opts.applicantToken ?? crypto.randomBytes(24).toString('hex');
  if (applicantToken === token) throw new Error('the applicant screen needs a token of its own');
  const appReady = Promise.resolve(opts.app);
  let app: App | null = null;
  // Set once the app is built; a failed build is the caller's to report (it awaits the same promise).
  const failed = appReady.then(
    (a) => void (app = a),
    () => true,
  );
  /** The app once built (a request during start-up waits); null, answered 503, when it failed to start. */
  const builtApp = async (res: http.ServerResponse): Promise<App | null> => {
    if (app || !(await failed)) return app;
    json(res, 503, { ok: false, error: { code: 'NOT_AVAILABLE', message: '本机服务未能启动，请查看日志后重新启动一窗。' } });
    return null;
  };
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;
  const csp = contentSecurityPolicy([`ws://127.0.0.1:${port}`]);

  const isApplicantPath = (pathname: string) => pathname === APPLICANT_PREFIX || pathname.startsWith(APPLICANT_PREFIX + '/');
  const authorised = (req: http.IncomingMessage, applicant = false): boolean => {
    const presented = bearer(req) ?? cookies(req)[applicant ? APPLICANT_COOKIE : COOKIE];
    if (!presented || !safeEqual(presented, applicant ? applicantToken : token)) return false;
    // A browser always sends Origin on cross-site requests; a foreign page must not drive the API.
    const o = req.headers.origin;
    return o === undefined || o === origin;
  };

  server.on('request', (req, res) => {
    handle(req, res).catch((err) => {
      log.error({ err }, 'request failed');
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', '内部错误');
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (url.pathname === '/healthz') return send(res, 200, 'application/json', '{"ok":true}');
    const applicant = isApplicantPath(url.pathname);
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null) {
      if (!safeEqual(queryToken, applicant ? applicantToken : token)) return send(res, 401, 'text/plain; charset=utf-8', '令牌无效。');
      url.searchParams.delete('token');
      res.setHeader(
        'Set-Cookie',
        applicant ? `${APPLICANT_COOKIE}=${applicantToken}; HttpOnly; SameSite=Strict; Path=${APPLICANT_PREFIX}` : `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      );
      res.setHeader('Location', url.pathname + url.search + url.hash);
      return send(res, 302, 'text/plain', '');
    }
    if (!authorised(req, applicant)) return send(res, 401, 'text/plain; charset=utf-8', '需要令牌：请使用启动时显示的地址打开。');
    const pathname = applicant ? url.pathname.slice(APPLICANT_PREFIX.length) || '/' : url.pathname;
    if (pathname === '/api/invoke') return invoke(req, res, applicant);
    // Page bytes and material files are the clerk's window's only: the applicant screen has neither.
    if (pathname === HOST_BYTES_PATH && !applicant) return invokeBytes(req, res, url);
    if (pathname.startsWith(HOST_FILES_PATH) && !applicant && (req.method === 'GET' || req.method === 'HEAD'))
      return serveFile(decodeURIComponent(pathname.slice(HOST_FILES_PATH.length)), res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
    if (pathname === '/bridge.js') return send(res, 200, MIME['.js']!, applicant ? bridgeScript(APPLICANT_PREFIX) : BRIDGE_SCRIPT);
    return serveStatic(pathname, res, applicant);
  }

  async function invoke(req: http.IncomingMessage, res: http.ServerResponse, applicant: boolean): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
    const body = await readBody(req, MAX_BODY);
    if (body === null) return json(res, 413, { ok: false, error: { code: 'TOO_LARGE', message: '输入内容过大。' } });
    let msg: { method?: unknown; input?: unknown };
    try {
      msg = JSON.parse(body);
    } catch {
      return json(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求不是有效的 JSON。' } });
    }
    // While the app is built, auth.status is answered as soon as auth is (the rest waits for the app).
    if (!app && !applicant && msg?.method === 'auth.status' && opts.earlyAuth) {
      const early = await Promise.race([opts.earlyAuth, failed.then(() => null)]);
      if (early && !app) return json(res, 200, await early(msg.method, msg.input));
    }
    const a = await builtApp(res);
    if (!a) return;
    const call = applicant ? a.invokeAsApplicantScreen : a.invoke;
    json(res, 200, await call(msg?.method, msg?.input));
  }

  /**
   * A bytes method: the JSON input in the X-Yichuang-Input header (URI-encoded), the bytes as the
   * raw body, refused with 413 past the method's limit before more is read.
   */
  async function invokeBytes(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
    const method = url.searchParams.get('method');
    const limit = bytesLimitOf(method);
    if (limit === null) return json(res, 404, { ok: false, error: { code: 'UNKNOWN_METHOD', message: `未知的文件接口：${String(method).slice(0, 80)}` } });
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      res.setHeader('Connection', 'close');
      return json(res, 413, { ok: false, error: { code: 'TOO_LARGE', message: PAGE_TOO_LARGE_MESSAGE } });
    }
    let input: unknown;
    try {
      const header = req.headers['x-yichuang-input'];
      input = typeof header === 'string' ? JSON.parse(decodeURIComponent(header)) : undefined;
    } catch {
      return json(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求的参数不是有效的 JSON。' } });
    }
    const body = await readRaw(req, limit);
    if (body === null) return json(res, 413, { ok: false, error: { code: 'TOO_LARGE', message: PAGE_TOO_LARGE_MESSAGE } });
    const a = await builtApp(res);
    if (!a) return;
    json(res, 200, await a.invoke(method, input, new Uint8Array(body.buffer, body.byteOffset, body.byteLength)));
  }

  /** A file ticket (materials.openFile / openPage): the unsealed bytes, never cached. */
  async function serveFile(ticket: string, res: http.ServerResponse): Promise<void> {
    const a = await builtApp(res);
    if (!a) return;
    const file = await a.services.materials.readTicket(ticket);
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', '文件链接已失效，请重新打开。');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    send(res, 200, file.mime, file.bytes);
  }

  function serveStatic(pathname: string, res: http.ServerResponse, applicant: boolean): void {
    const root = path.resolve(opts.rendererDir);
    let file = path.resolve(root, '.' + decodeURIComponent(pathname));
    if (!file.startsWith(root + path.sep) && file !== root) return send(res, 403, 'text/plain', 'forbidden');
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
    if (!fs.existsSync(file)) return send(res, 503, 'text/plain; charset=utf-8', '界面尚未构建：请先运行 npm run build。');
    const ext = path.extname(file);
    let content: Buffer | string = fs.readFileSync(file);
    if (ext === '.html') {
      res.setHeader('Content-Security-Policy', csp);
      content = content.toString('utf8').replace('<head>', `<head><script src="${applicant ? APPLICANT_PREFIX : ''}/bridge.js"></script>`);
    }
    const cache = cacheControlOf(root, file);
    if (cache) res.setHeader('Cache-Control', cache);
    send(res, 200, MIME[ext] ?? 'application/octet-stream', content);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const applicant = url.pathname === `${APPLICANT_PREFIX}/events`;
    if ((url.pathname !== '/events' && !applicant) || !authorised(req, applicant)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    // Events flow once the app is built (a socket opened during start-up waits for it).
    void appReady.then(
      (a) => {
        if (socket.destroyed) return;
        wss.handleUpgrade(req, socket, head, (ws) => {
          adopt(applicant ? applicantClients : clients, ws);
          if (applicant) ws.once('close', a.services.applicantScreen.attach());
        });
      },
      () => socket.destroy(),
    );
  });
  const clients = new Set<WebSocket>();
  const applicantClients = new Set<WebSocket>();
  const adopt = (set: Set<WebSocket>, ws: WebSocket) => {
    set.add(ws);
    ws.on('close', () => set.delete(ws));
    ws.on('error', () => set.delete(ws));
  };
  const sendTo = (set: Set<WebSocket>, event: string, payload: unknown) => {
    const data = JSON.stringify({ event, payload });
    for (const ws of set) if (ws.readyState === ws.OPEN) ws.send(data);
  };
  const unsubscribers: Array<() => void> = [];
  void Promise.all([appReady, eventGates()]).then(([{ services }, { gateForRenderer, gateForApplicantScreen }]) => {
    unsubscribers.push(
      services.events.subscribe(gateForRenderer(services.sessions, (event, payload) => sendTo(clients, event, payload))),
      // The applicant screen hears only its own events, locked clerk window or not.
      services.events.subscribe(gateForApplicantScreen((event, payload) => sendTo(applicantClients, event, payload))),
    );
  }, () => undefined);

  log.info({ port }, 'host listening');
  return {
    url: origin,
    openUrl: `${origin}/?token=${token}`,
    applicantUrl: `${origin}${APPLICANT_PREFIX}/?token=${applicantToken}#/applicant`,
    token,
    port,
    async close() {
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      for (const ws of [...clients, ...applicantClients]) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}

function json(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function bearer(req: http.IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}

function cookies(req: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  return readRaw(req, limit).then((b) => (b === null ? null : b.toString('utf8')));
}

function readRaw(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
