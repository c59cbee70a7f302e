/**
 * The picture a document camera sees in tests: a white A4 page with dark, text-like blocks, lying on a
 * darker desk. Grey levels only, one byte per pixel; the simulator encodes it as JPEG, the e2e
 * generator writes it into a y4m file for Chromium's fake camera. Page `n` carries n thick bars
 * in its heading, so a test can tell the pages apart.
 */
export interface TestPage {
  width: number;
  height: number;
  grey: Uint8Array;
  /** Where the page lies in the frame (what edge detection should find). */
  page: { x: number; y: number; width: number; height: number };
}

export const DESK_GREY = 70;
export const PAGE_GREY = 242;
export const INK_GREY = 30;

export function renderTestPage(opts: { width: number; height: number; pageNo?: number; shift?: number }): TestPage {
  const { width, height } = opts;
  const pageNo = Math.max(1, Math.min(9, opts.pageNo ?? 1));
  const grey = new Uint8Array(width * height);
  // The desk: a soft gradient, so thresholding must cope with an uneven background.
  for (let y = 0; y < height; y++) {
    const base = DESK_GREY - 10 + Math.round((20 * y) / height);
    grey.fill(base, y * width, (y + 1) * width);
  }
  // A4 portrait, 80 % of the frame's height, a little off-centre (and shifted per frame when asked).
  const ph = Math.round(height * 0.8);
  const pw = Math.round((ph * 210) / 297);
  const px = Math.round((width - pw) / 2 + width * 0.04 + (opts.shift ?? 0));
  const py = Math.round((height - ph) / 2);
  fillRect(grey, width, px, py, pw, ph, PAGE_GREY);
  const margin = Math.round(pw * 0.1);
  const line = Math.max(2, Math.round(ph * 0.018));
  // Heading: pageNo thick bars.
  const bar = Math.max(3, Math.round(pw * 0.05));
  for (let i = 0; i < pageNo; i++) fillRect(grey, width, px + margin + i * bar * 2, py + margin, bar, line * 2, INK_GREY);
  // Body: lines of "words" of varying length.
  let seed = 7 * pageNo;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let ly = py + margin + line * 5; ly < py + ph - margin; ly += line * 2) {
    let lx = px + margin;
    const end = px + pw - margin;
    while (lx < end) {
      const w = Math.min(end - lx, Math.round(pw * (0.03 + rand() * 0.08)));
      fillRect(grey, width, lx, ly, w, line, INK_GREY);
      lx += w + Math.round(pw * 0.015);
    }
  }
  return { width, height, grey, page: { x: px, y: py, width: pw, height: ph } };
}

function fillRect(buf: Uint8Array, stride: number, x: number, y: number, w: number, h: number, v: number): void {
  const rows = buf.length / stride;
  for (let yy = Math.max(0, y); yy < Math.min(rows, y + h); yy++) buf.fill(v, yy * stride + Math.max(0, x), yy * stride + Math.min(stride, x + w));
}

/** Grey → RGBA, for encoders that want four channels. */
export function greyToRgba(grey: Uint8Array): Uint8Array {
  const out = new Uint8Array(grey.length * 4);
  for (let i = 0; i < grey.length; i++) {
    const v = grey[i]!;
    out[i * 4] = v;
    out[i * 4 + 1] = v;
    out[i * 4 + 2] = v;
    out[i * 4 + 3] = 255;
  }
  return out;
}
