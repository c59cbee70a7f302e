import { WebSocket } from 'ws';
import type { CameraOp, CameraOpResult, JpegFrame, VendorDialect } from './dialect';

export interface VendorClientOptions {
  url: string;
  dialect: VendorDialect;
  /** Per request; a still at 5 MP takes a vendor service up to a second or two. */
  timeoutMs?: number;
  connectTimeoutMs?: number;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout; op: CameraOp['op'] };

/**
 * One WebSocket to a vendor's document-camera service on the loopback: requests tagged with ids and
 * answered in any order, preview frames pushed between them. Every failure is a Chinese sentence
 * saying what happened and what to check.
 */
export class VendorCameraClient {
  private nextId = 1;
  private readonly pending = new Map<string, Pending>();
  private readonly frameListeners = new Set<(f: JpegFrame) => void>();
  /** Resolves with a Chinese reason when the socket ends for any cause; never rejects. */
  readonly closed: Promise<string>;

  private constructor(private readonly ws: WebSocket, private readonly opts: VendorClientOptions) {
    this.closed = new Promise((resolve) => {
      ws.on('close', () => {
        const reason = `与高拍仪服务 ${opts.url} 的连接已断开`;
        for (const p of this.pending.values()) {
          clearTimeout(p.timer);
          p.reject(new Error(`${reason}，请确认厂商服务仍在运行后重试`));
        }
        this.pending.clear();
        resolve(reason);
      });
    });
    ws.on('message', (data, isBinary) => {
      if (!isBinary) this.onText(String(data));
    });
  }

  static connect(opts: VendorClientOptions): Promise<VendorCameraClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(opts.url, { handshakeTimeout: opts.connectTimeoutMs ?? 3000, maxPayload: 64 * 1024 * 1024 });
      const fail = (why: string) => reject(new Error(`无法连接高拍仪服务 ${opts.url}（${why}）。请确认厂商的高拍仪服务已启动、地址和端口与设置一致。`));
      ws.once('open', () => resolve(new VendorCameraClient(ws, opts)));
      ws.once('error', (e) => fail((e as NodeJS.ErrnoException).code ?? e.message));
      ws.once('unexpected-response', (_req, res) => fail(`HTTP ${res.statusCode}`));
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  request<O extends CameraOp>(op: O): Promise<CameraOpResult[O['op']]> {
    if (!this.open) return Promise.reject(new Error(`与高拍仪服务 ${this.opts.url} 的连接已断开，请重试`));
    const id = String(this.nextId++);
    return new Promise((resolve, reject) => {
      const timeoutMs = this.opts.timeoutMs ?? 10_000;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`高拍仪服务 ${timeoutMs / 1000} 秒内没有回应（${op.op}）。请检查高拍仪是否接好，或重启厂商服务。`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer, op: op.op });
      this.ws.send(this.opts.dialect.encodeRequest(id, op));
    });
  }

  onFrame(listener: (f: JpegFrame) => void): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    this.ws.close();
    return this.closed.then(() => undefined);
  }

  private onText(raw: string): void {
    let msg;
    try {
      msg = this.opts.dialect.decodeIncoming(raw);
    } catch {
      // A message we cannot read (a vendor's notice, a broken frame) is dropped, not fatal; a request it answered times out with its reason.
      return;
    }
    if (!msg) return;
    if (msg.kind === 'frame') {
      for (const l of this.frameListeners) l(msg.frame);
      return;
    }
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    clearTimeout(p.timer);
    if (!msg.ok) return p.reject(new Error(`高拍仪服务报告错误：${msg.message}`));
    try {
      p.resolve(this.opts.dialect.readResult(p.op, msg.value));
    } catch (err) {
      p.reject(err as Error);
    }
  }
}
