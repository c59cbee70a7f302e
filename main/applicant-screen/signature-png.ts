import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { Stroke } from '../../common/domain/signature';

/** The PNG's size: a signature box about 3:1, enough for the printed notice at 300 dpi width of 5 cm. */
export const SIGNATURE_WIDTH = 600;
export const SIGNATURE_HEIGHT = 200;

/**
 * Renders the strokes to a greyscale PNG in main, so the same strokes always give the same bytes
 * (and the same SHA-256): integer pixel grid, no anti-aliasing, fixed zlib level, no timestamps or
 * text chunks. A renderer canvas could not promise that across GPUs and Chromium versions.
 * The line is wider where the pen pressed harder.
 */
export function renderSignaturePng(strokes: readonly Stroke[], width = SIGNATURE_WIDTH, height = SIGNATURE_HEIGHT): Buffer {
  const ink = new Uint8Array(width * height).fill(255);
  const dot = (cx: number, cy: number, r: number) => {
    const x0 = Math.max(0, Math.floor(cx - r));
    const x1 = Math.min(width - 1, Math.ceil(cx + r));
    const y0 = Math.max(0, Math.floor(cy - r));
    const y1 = Math.min(height - 1, Math.ceil(cy + r));
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) ink[y * width + x] = 0;
  };
  const radius = (pressure: number) => 1 + 2.5 * pressure;
  for (const s of strokes) {
    const pts = s.points.map((p) => ({ x: p.x * (width - 1), y: p.y * (height - 1), r: radius(p.pressure) }));
    dot(pts[0]!.x, pts[0]!.y, pts[0]!.r);
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1]!;
      const b = pts[i]!;
      const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) * 2));
      for (let k = 1; k <= steps; k++) {
        const f = k / steps;
        dot(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f, a.r + (b.r - a.r) * f);
      }
    }
  }
  return encodeGreyPng(ink, width, height);
}

export const sha256Hex = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('hex');

function encodeGreyPng(pixels: Uint8Array, width: number, height: number): Buffer {
  // Each scanline starts with its filter byte (0 = none).
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
