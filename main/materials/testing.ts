import zlib from 'node:zlib';
import jpeg from 'jpeg-js';
import { PDFDocument } from 'pdf-lib';

/**
 * Page images for tests and benches: a JPEG with text-like stripes and noise (so it compresses
 * like a scanned form, not like a flat colour), a PNG, a PDF of N pages.
 */
export function sampleJpeg(width = 400, height = 560, seed = 1, quality = 80): Buffer {
  const data = Buffer.alloc(width * height * 4);
  let s = seed >>> 0 || 1;
  const rand = () => ((s = (s * 1_103_515_245 + 12_345) >>> 0) >>> 16) & 0xff;
  for (let y = 0; y < height; y++) {
    const line = Math.floor(y / 14) % 3 === 0;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const ink = line && (x + seed * 7) % 23 < 15 ? 40 : 235;
      const v = Math.max(0, Math.min(255, ink + (rand() % 24) - 12));
      data[i] = v;
      data[i + 1] = v;
      data[i + 2] = Math.min(255, v + 6);
      data[i + 3] = 255;
    }
  }
  return Buffer.from(jpeg.encode({ data, width, height }, quality).data);
}

/** A minimal valid RGB PNG (one colour), written by hand: zlib and CRC32 are all it needs. */
export function samplePng(width = 40, height = 60): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height, 0x80);
  for (let y = 0; y < height; y++) raw[y * (width * 3 + 1)] = 0; // filter byte: none
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export async function samplePdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`page ${i + 1}`, { x: 50, y: 780, size: 24 });
  return Buffer.from(await doc.save());
}

/** Byte signatures of the plaintext files the store must never leave in the data folder. */
export const CLEAR_MAGIC = { jpeg: Buffer.from([0xff, 0xd8, 0xff]), png: Buffer.from([0x89, 0x50, 0x4e, 0x47]), pdf: Buffer.from('%PDF-', 'latin1') };

function chunk(type: string, body: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typed) >>> 0);
  return Buffer.concat([len, typed, crc]);
}
