import type { Resolution } from '../../common/contract/camera';

/**
 * What Yichuang asks of a vendor's document-camera service (高拍仪本地服务), whatever its wire
 * dialect. A dialect turns these operations into the vendor's JSON and its answers back; the client
 * (vendor-client.ts) owns the socket, the request ids and the time-outs.
 */
export type CameraOp =
  | { op: 'listDevices' }
  | { op: 'listResolutions'; device: number }
  | { op: 'open'; device: number; resolution: Resolution }
  | { op: 'startPreview' }
  | { op: 'stopPreview' }
  | { op: 'capture' }
  | { op: 'close' };
export type CameraOpName = CameraOp['op'];

/** What each operation answers once decoded. */
export interface CameraOpResult {
  listDevices: { index: number; name: string }[];
  listResolutions: Resolution[];
  open: null;
  startPreview: null;
  stopPreview: null;
  capture: JpegFrame;
  close: null;
}

export interface JpegFrame {
  /** The JPEG's bytes, decoded from the vendor's base64. */
  jpeg: Uint8Array;
  width: number;
  height: number;
}

/** One message from the service, decoded. `id` correlates a reply with its request. */
export type Incoming =
  | { kind: 'reply'; id: string; ok: true; value: unknown }
  | { kind: 'reply'; id: string; ok: false; message: string }
  | { kind: 'frame'; frame: JpegFrame };

/** One vendor dialect: the client's side and, for the simulator, the service's side of the same wire. */
export interface VendorDialect {
  /** Where that vendor's service usually listens. */
  defaultUrl: string;
  /** The text frame that asks for `op`, tagged with `id`. */
  encodeRequest(id: string, op: CameraOp): string;
  /** A service message, or null for one this dialect ignores (heartbeats, notices). Throws on malformed JSON. */
  decodeIncoming(raw: string): Incoming | null;
  /** The value of a successful reply to `op`, checked: a vendor's odd answer becomes a Chinese error. */
  readResult<N extends CameraOpName>(op: N, value: unknown): CameraOpResult[N];
  /** Service side (the simulator): the request in a frame, or null for a command it does not know. */
  decodeRequest(raw: string): { id: string; op: CameraOp } | null;
  /** Service side: a reply to `op`. */
  encodeReply<N extends CameraOpName>(id: string, op: N, result: { ok: true; value: CameraOpResult[N] } | { ok: false; message: string }): string;
  /** Service side: one pushed preview frame. */
  encodeFrame(frame: JpegFrame): string;
}

/** base64 ↔ bytes without Node's Buffer in the types the renderer might share. */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
export function fromBase64(text: string): Uint8Array {
  // Some services prefix a data-URL header; strip it.
  const comma = text.startsWith('data:') ? text.indexOf(',') : -1;
  return new Uint8Array(Buffer.from(comma >= 0 ? text.slice(comma + 1) : text, 'base64'));
}

export class VendorProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VendorProtocolError';
  }
}

/** Checks for the shapes the dialects share. */
export function asRecord(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new VendorProtocolError(`高拍仪服务的${what}格式不对（应为对象）`);
  return v as Record<string, unknown>;
}
export function asInt(v: unknown, what: string): number {
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new VendorProtocolError(`高拍仪服务返回的${what}不是非负整数`);
  return n;
}
export function asJpeg(b64: unknown, width: unknown, height: unknown): JpegFrame {
  if (typeof b64 !== 'string' || !b64) throw new VendorProtocolError('高拍仪服务没有返回图像数据');
  const jpeg = fromBase64(b64);
  // JPEG starts with FF D8: anything else is not an image we can use.
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new VendorProtocolError('高拍仪服务返回的图像不是 JPEG');
  return { jpeg, width: asInt(width, '图像宽度'), height: asInt(height, '图像高度') };
}
/** Largest first: the window wants the most pixels the camera gives (then scales to the target). */
export function largestFirst(list: Resolution[]): Resolution[] {
  return [...list].sort((a, b) => b.width * b.height - a.width * a.height);
}
