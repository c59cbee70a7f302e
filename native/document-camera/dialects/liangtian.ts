import type { Resolution } from '../../../common/contract/camera';
import { asJpeg, asRecord, largestFirst, toBase64, VendorProtocolError, type CameraOp, type CameraOpName, type CameraOpResult, type VendorDialect } from '../dialect';

/**
 * The 良田/科密 style of service (PROTOCOL.md § liangtian): `{reqId, FuncName, argument}` →
 * `{reqId, FuncName, result: 0 | error code, errMsg, data}`, sizes as "W*H" strings, preview frames
 * pushed as `FuncName: "PreviewFrame"`. Modelled on the shape these services document publicly
 * (function-name JSON, base64 JPEG); the command names of a given model may differ: add a
 * dialect beside this one rather than bending it.
 */
const FUNC: Record<CameraOpName, string> = {
  listDevices: 'GetDeviceList',
  listResolutions: 'GetResolution',
  open: 'OpenDevice',
  startPreview: 'StartPreview',
  stopPreview: 'StopPreview',
  capture: 'ScanImage',
  close: 'CloseDevice',
};
const OP_OF = Object.fromEntries(Object.entries(FUNC).map(([op, f]) => [f, op])) as Record<string, CameraOpName>;

const size = (r: Resolution) => `${r.width}*${r.height}`;
function parseSize(v: unknown): Resolution {
  const m = typeof v === 'string' ? /^(\d+)\s*[*xX]\s*(\d+)$/.exec(v.trim()) : null;
  if (!m) throw new VendorProtocolError(`高拍仪服务返回的尺寸“${String(v)}”无法识别（应为 宽*高）`);
  return { width: Number(m[1]), height: Number(m[2]) };
}

export const liangtianDialect: VendorDialect = {
  defaultUrl: 'ws://127.0.0.1:9000',
  encodeRequest(id, op) {
    const argument = op.op === 'open' ? { devIndex: op.device, resolution: size(op.resolution) } : op.op === 'listResolutions' ? { devIndex: op.device } : {};
    return JSON.stringify({ reqId: id, FuncName: FUNC[op.op], argument });
  },
  decodeIncoming(raw) {
    const m = asRecord(JSON.parse(raw), '消息');
    if (m.FuncName === 'PreviewFrame') {
      const d = asRecord(m.data, '预览帧');
      const s = parseSize(d.size);
      return { kind: 'frame', frame: asJpeg(d.img, s.width, s.height) };
    }
    if (typeof m.reqId !== 'string') return null;
    if (Number(m.result) === 0) return { kind: 'reply', id: m.reqId, ok: true, value: m.data ?? null };
    const msg = typeof m.errMsg === 'string' && m.errMsg ? m.errMsg : `错误码 ${String(m.result)}`;
    return { kind: 'reply', id: m.reqId, ok: false, message: msg };
  },
  readResult<N extends CameraOpName>(op: N, value: unknown): CameraOpResult[N] {
    return readLiangtian(op, value) as CameraOpResult[N];
  },
  decodeRequest(raw) {
    const m = asRecord(JSON.parse(raw), '请求');
    const op = typeof m.FuncName === 'string' ? OP_OF[m.FuncName] : undefined;
    if (typeof m.reqId !== 'string' || !op) return null;
    const a = typeof m.argument === 'object' && m.argument ? (m.argument as Record<string, unknown>) : {};
    const device = typeof a.devIndex === 'number' ? a.devIndex : 0;
    const parsed: CameraOp = op === 'open' ? { op, device, resolution: parseSize(a.resolution) } : op === 'listResolutions' ? { op, device } : { op };
    return { id: m.reqId, op: parsed };
  },
  encodeReply(id, op, result) {
    if (!result.ok) return JSON.stringify({ reqId: id, FuncName: FUNC[op], result: 1, errMsg: result.message });
    const v = result.value as unknown;
    let data: unknown = v;
    if (op === 'listDevices') data = (v as CameraOpResult['listDevices']).map((d) => d.name);
    if (op === 'listResolutions') data = (v as CameraOpResult['listResolutions']).map(size);
    if (op === 'capture') {
      const c = v as CameraOpResult['capture'];
      data = { img: toBase64(c.jpeg), size: size(c) };
    }
    return JSON.stringify({ reqId: id, FuncName: FUNC[op], result: 0, data });
  },
  encodeFrame(frame) {
    return JSON.stringify({ FuncName: 'PreviewFrame', data: { img: toBase64(frame.jpeg), size: size(frame) } });
  },
};

function readLiangtian(op: CameraOpName, value: unknown): CameraOpResult[CameraOpName] {
  switch (op) {
    case 'listDevices':
      if (!Array.isArray(value)) throw new VendorProtocolError('高拍仪服务返回的设备列表格式不对');
      return value.map((name, index) => ({ index, name: String(name) }));
    case 'listResolutions':
      if (!Array.isArray(value)) throw new VendorProtocolError('高拍仪服务返回的分辨率列表格式不对');
      return largestFirst(value.map(parseSize));
    case 'capture': {
      const d = asRecord(value, '拍照结果');
      const s = parseSize(d.size);
      return asJpeg(d.img, s.width, s.height);
    }
    default:
      return null;
  }
}
