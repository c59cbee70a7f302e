import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer } from 'ws';
import type { z } from 'zod';
import { IssueBody, QUEUE_API_PREFIX, TicketRef, TransferBody, type CallResult, type Overview } from '../../common/queue/wire';
import { bearer, HttpError, readJson, sendJson } from '../http/io';
import { QueueError, QueueState } from './queue-state';

export interface QueueServerOptions {
  /** Its own folder: the queue's state file lives here (not in the central's database). */
  dataDir: string;
  port: number;
  host?: string;
  hall?: string;
  /** When set, every request needs `Authorization: Bearer <token>` (and the WebSocket `?token=`). */
  token?: string;
  now?: () => Date;
}

export interface QueueServer {
  url: string;
  port: number;
  state: QueueState;
  close(): Promise<void>;
}

const WINDOW_ROUTE = new RegExp(`^${QUEUE_API_PREFIX}/windows/([A-Za-z0-9-]{1,12})(?:/(next|recall|pass|transfer|pause|resume))?$`);

/**
 * The reference hall queue service (PROTOCOL.md beside this file): ticket machine, window calls and
 * a WebSocket of ticket events, over node:http. One process per hall, its own state file.
 */
export async function startQueueServer(opts: QueueServerOptions): Promise<QueueServer> {
  const state = new QueueState(path.join(opts.dataDir, 'queue-state.json'), opts.now);
  const hall = opts.hall ?? 'HALL';
  const parse = <S extends z.ZodType>(schema: S, body: unknown): z.infer<S> => {
    const r = schema.safeParse(body ?? {});
    if (!r.success) throw new HttpError(400, 'BAD_REQUEST', `请求内容不对：${r.error.issues[0]?.message ?? ''}`);
    return r.data;
  };
  const authorised = (token: string | null) => !opts.token || token === opts.token;

  const handle = async (req: http.IncomingMessage): Promise<[number, unknown]> => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!authorised(bearer(req))) throw new HttpError(401, 'UNAUTHENTICATED', '排队系统拒绝了本窗口的凭据：请在设置中核对排队系统的令牌。');
    const p = url.pathname;
    if (req.method === 'GET' && p === `${QUEUE_API_PREFIX}/health`) return [200, { ok: true, hall }];
    if (req.method === 'GET' && p === `${QUEUE_API_PREFIX}/overview`) {
      const waiting = state.waitingByQueue();
      const body: Overview = { hall, windows: state.windows(), queues: Object.entries(waiting).map(([queue, n]) => ({ queue, waiting: n })) };
      return [200, body];
    }
    if (req.method === 'POST' && p === `${QUEUE_API_PREFIX}/tickets`) return [201, state.issue(parse(IssueBody, await readJson(req, 4096)).queue)];
    const m = WINDOW_ROUTE.exec(p);
    if (!m) throw new HttpError(404, 'NOT_FOUND', `排队系统没有这个接口：${req.method} ${p.slice(0, 80)}`);
    const [, w, action] = m as unknown as [string, string, string | undefined];
    if (!action && req.method === 'GET') return [200, state.window(w)];
    if (req.method !== 'POST' || !action) throw new HttpError(404, 'NOT_FOUND', '请用 POST 调用窗口操作。');
    const body = await readJson(req, 4096);
    const result = (ticket: CallResult['ticket']): [number, CallResult] => [200, { ticket, state: state.window(w) }];
    switch (action) {
      case 'next':
        return result(state.next(w));
      case 'recall':
        return result(state.recall(w, parse(TicketRef, body).ticketId));
      case 'pass':
        return result(state.pass(w, parse(TicketRef, body).ticketId));
      case 'transfer': {
        const b = parse(TransferBody, body);
        return result(state.transfer(w, b.ticketId, b));
      }
      default:
        state.setPaused(w, action === 'pause');
        return result(null);
    }
  };

  const server = http.createServer((req, res) => {
    handle(req).then(
      ([status, body]) => sendJson(res, status, body),
      (err: unknown) => {
        if (err instanceof HttpError || err instanceof QueueError) return sendJson(res, err.status, { error: { code: err.code, message: err.message } });
        sendJson(res, 500, { error: { code: 'INTERNAL', message: '排队系统内部错误，请稍后重试。' } });
      },
    );
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== `${QUEUE_API_PREFIX}/events` || !authorised(url.searchParams.get('token') ?? bearer(req))) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  const offEvents = state.onEvent((e) => {
    const text = JSON.stringify(e);
    for (const c of wss.clients) if (c.readyState === c.OPEN) c.send(text);
  });
  await new Promise<void>((resolve) => server.listen(opts.port, opts.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    port,
    state,
    async close() {
      offEvents();
      for (const c of wss.clients) c.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The ticket machine of `yichuang simulate queue`: issues a ticket every `intervalMs`, cycling through `queues`. */
export function simulateTicketMachine(state: QueueState, queues: string[], intervalMs: number, onIssue?: (number: string) => void): () => void {
  let i = 0;
  const timer = setInterval(() => onIssue?.(state.issue(queues[i++ % queues.length]!).number), intervalMs);
  return () => clearInterval(timer);
}
