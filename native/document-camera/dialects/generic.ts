import type { Resolution } from '../../../common/contract/camera';
import { asInt, asJpeg, asRecord, largestFirst, toBase64, VendorProtocolError, type CameraOp, type CameraOpName, type CameraOpResult, type VendorDialect } from '../dialect';

/**
 * Yichuang's own dialect (PROTOCOL.md § generic): `{id, cmd, …}` → `{id, ok, result | error}`, preview
 * frames pushed as `{event: "preview", image, width, height}`. A vendor without a service of its
 * own can implement this one; the simulator speaks it by default.
 */
export const genericDialect: VendorDialect = {
  defaultUrl: 'ws://127.0.0.1:9000',
  encodeRequest(id, op) {
    const { op: cmd, ...args } = op;
    const flat = 'resolution' in args ? { device: args.device, width: args.resolution.width, height: args.resolution.height } : args;
    return JSON.stringify({ id, cmd, ...flat });
  },
  decodeIncoming(raw) {
    const m = asRecord(JSON.parse(raw), '消息');
    if (m.event === 'preview') return { kind: 'frame', frame: asJpeg(m.image, m.width, m.height) };
    if (typeof m.id !== 'string') return null;
    if (m.ok === true) return { kind: 'reply', id: m.id, ok: true, value: m.result ?? null };
    return { kind: 'reply', id: m.id, ok: false, message: typeof m.error === 'string' ? m.error : '高拍仪服务报告了错误' };
  },
  readResult<N extends CameraOpName>(op: N, value: unknown): CameraOpResult[N] {
    return readGeneric(op, value) as CameraOpResult[N];
  },
  decodeRequest(raw) {
    const m = asRecord(JSON.parse(raw), '请求');
    if (typeof m.id !== 'string') return null;
    const op = genericOp(m);
    return op ? { id: m.id, op } : null;
  },
  encodeReply(id, op, result) {
    if (!result.ok) return JSON.stringify({ id, ok: false, error: result.message });
    const v = result.value as unknown;
    const wire = op === 'capture' ? { image: toBase64((v as CameraOpResult['capture']).jpeg), width: (v as CameraOpResult['capture']).width, height: (v as CameraOpResult['capture']).height } : v;
    return JSON.stringify({ id, ok: true, result: wire });
  },
  encodeFrame(frame) {
    return JSON.stringify({ event: 'preview', image: toBase64(frame.jpeg), width: frame.width, height: frame.height });
  },
};

function readGeneric(op: CameraOpName, value: unknown): CameraOpResult[CameraOpName] {
  switch (op) {
    case 'listDevices':
      if (!Array.isArray(value)) throw new VendorProtocolError('高拍仪服务返回的设备列表格式不对');
      return value.map((d) => {
        const r = asRecord(d, '设备');
        return { index: asInt(r.index, '设备序号'), name: String(r.name ?? `高拍仪 ${String(r.index)}`) };
      });
    case 'listResolutions':
      if (!Array.isArray(value)) throw new VendorProtocolError('高拍仪服务返回的分辨率列表格式不对');
      return largestFirst(value.map((d): Resolution => ({ width: asInt(asRecord(d, '分辨率').width, '宽度'), height: asInt(asRecord(d, '分辨率').height, '高度') })));
    case 'capture': {
      const r = asRecord(value, '拍照结果');
      return asJpeg(r.image, r.width, r.height);
    }
    default:
      return null;
  }
}

function genericOp(m: Record<string, unknown>): CameraOp | null {
  const device = typeof m.device === 'number' ? m.device : 0;
  switch (m.cmd) {
    case 'listDevices':
    case 'startPreview':
    case 'stopPreview':
    case 'capture':
    case 'close':
      return { op: m.cmd };
    case 'listResolutions':
      return { op: 'listResolutions', device };
    case 'open':
      return { op: 'open', device, resolution: { width: Number(m.width), height: Number(m.height) } };
    default:
      return null;
  }
}
