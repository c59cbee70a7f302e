import jpeg from 'jpeg-js';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Resolution, VendorDriver } from '../../../common/contract/camera';
import type { CameraOp, CameraOpName, CameraOpResult, JpegFrame, VendorDialect } from '../dialect';
import { VENDOR_DIALECTS } from '../drivers';
import { greyToRgba, renderTestPage } from './test-page';

export interface DocumentCameraSimOptions {
  dialect?: VendorDriver;
  /** 0: any free port. */
  port?: number;
  /** Preview frames per second. */
  fps?: number;
  resolutions?: Resolution[];
  previewSize?: Resolution;
  /** How many different pages lie on the desk in turn (each capture turns the page). */
  pages?: number;
}

export interface DocumentCameraSim {
  url: string;
  port: number;
  fps: number;
  /** Stills served so far. */
  readonly captures: number;
  /** The next capture answers with the vendor's error (a test of the error path). */
  failNextCapture(message: string): void;
  close(): Promise<void>;
}

/** The resolutions a typical 5 MP 高拍仪 lists (largest first, as most services do). */
export const SIM_RESOLUTIONS: Resolution[] = [
  { width: 2592, height: 1944 },
  { width: 1600, height: 1200 },
  { width: 640, height: 480 },
];

/**
 * A vendor document-camera service on 127.0.0.1 (`yichuang simulate document-camera`): speaks a dialect
 * from the driver table, lists two cameras, pushes preview frames while previewing and answers
 * captures with generated test pages (renderTestPage) as base64 JPEG.
 */
export async function startDocumentCameraSimulator(opts: DocumentCameraSimOptions = {}): Promise<DocumentCameraSim> {
  const dialect: VendorDialect = VENDOR_DIALECTS[opts.dialect ?? 'generic'];
  const fps = opts.fps ?? 10;
  const resolutions = opts.resolutions ?? SIM_RESOLUTIONS;
  const previewSize = opts.previewSize ?? { width: 640, height: 480 };
  const pages = opts.pages ?? 3;
  const cache = new Map<string, Uint8Array>();
  const image = (pageNo: number, r: Resolution, quality: number): JpegFrame => {
    const key = `${pageNo}:${r.width}x${r.height}:${quality}`;
    let bytes = cache.get(key);
    if (!bytes) {
      const p = renderTestPage({ width: r.width, height: r.height, pageNo });
      bytes = new Uint8Array(jpeg.encode({ data: greyToRgba(p.grey), width: r.width, height: r.height }, quality).data);
      cache.set(key, bytes);
    }
    return { jpeg: bytes, ...r };
  };
  let captures = 0;
  let failNext: string | null = null;
  const wss = new WebSocketServer({ host: '127.0.0.1', port: opts.port ?? 0, maxPayload: 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  wss.on('connection', (ws: WebSocket) => {
    let open: Resolution | null = null;
    let preview: NodeJS.Timeout | null = null;
    const stopPreview = () => {
      if (preview) clearInterval(preview);
      preview = null;
    };
    const reply = <N extends CameraOpName>(id: string, op: N, r: { ok: true; value: CameraOpResult[N] } | { ok: false; message: string }) => ws.send(dialect.encodeReply(id, op, r));
    const handle = (id: string, op: CameraOp) => {
      const err = (message: string) => reply(id, op.op, { ok: false, message });
      switch (op.op) {
        case 'listDevices':
          return reply(id, op.op, { ok: true, value: [{ index: 0, name: '模拟高拍仪 主摄像头' }, { index: 1, name: '模拟高拍仪 副摄像头' }] });
        case 'listResolutions':
          if (op.device > 1) return err('设备不存在');
          return reply(id, op.op, { ok: true, value: op.device === 0 ? resolutions : [previewSize] });
        case 'open':
          if (!resolutions.some((r) => r.width === op.resolution.width && r.height === op.resolution.height)) return err('不支持的分辨率');
          open = op.resolution;
          return reply(id, op.op, { ok: true, value: null });
        case 'startPreview':
          if (!open) return err('设备未打开');
          stopPreview();
          preview = setInterval(() => ws.send(dialect.encodeFrame(image((captures % pages) + 1, previewSize, 60))), Math.round(1000 / fps));
          return reply(id, op.op, { ok: true, value: null });
        case 'stopPreview':
          stopPreview();
          return reply(id, op.op, { ok: true, value: null });
        case 'capture': {
          if (!open) return err('设备未打开');
          if (failNext) {
            const m = failNext;
            failNext = null;
            return err(m);
          }
          const still = image((captures % pages) + 1, open, 85);
          captures++;
          return reply(id, op.op, { ok: true, value: still });
        }
        case 'close':
          stopPreview();
          open = null;
          return reply(id, op.op, { ok: true, value: null });
      }
    };
    ws.on('message', (data) => {
      let req;
      try {
        req = dialect.decodeRequest(String(data));
      } catch {
        req = null;
      }
      if (req) handle(req.id, req.op);
    });
    ws.on('close', stopPreview);
  });
  const port = (wss.address() as { port: number }).port;
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    fps,
    get captures() {
      return captures;
    },
    failNextCapture(message) {
      failNext = message;
    },
    close() {
      for (const c of wss.clients) c.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}
