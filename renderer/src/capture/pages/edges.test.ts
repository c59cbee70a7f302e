import { describe, expect, it } from 'vitest';
import { renderTestPage } from '../../../../native/document-camera/sim/test-page';
import { findDocumentBox, otsuThreshold, rgbaToGrey } from './edges';

/** Nearest-neighbour downscale, as the renderer's small canvas does (roughly). */
function shrink(grey: Uint8Array, w: number, h: number, to: number): { grey: Uint8Array; w: number; h: number } {
  const sw = to;
  const sh = Math.round((h * to) / w);
  const out = new Uint8Array(sw * sh);
  for (let y = 0; y < sh; y++) for (let x = 0; x < sw; x++) out[y * sw + x] = grey[Math.floor((y * h) / sh) * w + Math.floor((x * w) / sw)]!;
  return { grey: out, w: sw, h: sh };
}

describe('automatic edge detection (bounding rectangle of the page)', () => {
  it('finds the generated page on the desk within 2 % of the frame', () => {
    for (const [width, height, shift] of [[1280, 960, 0], [2592, 1944, -80], [640, 480, 30]] as const) {
      const p = renderTestPage({ width, height, shift, pageNo: 2 });
      const s = shrink(p.grey, width, height, 200);
      const box = findDocumentBox(s.grey, s.w, s.h)!;
      expect(box).not.toBeNull();
      expect(Math.abs(box.x - p.page.x / width)).toBeLessThan(0.02);
      expect(Math.abs(box.y - p.page.y / height)).toBeLessThan(0.02);
      expect(Math.abs(box.w - p.page.width / width)).toBeLessThan(0.02);
      expect(Math.abs(box.h - p.page.height / height)).toBeLessThan(0.02);
      expect(box.x + box.w).toBeLessThanOrEqual(1);
      expect(box.y + box.h).toBeLessThanOrEqual(1);
    }
  });

  it('offers no crop for a frame of one tone, or a page filling the whole view', () => {
    expect(findDocumentBox(new Uint8Array(100 * 80).fill(200), 100, 80)).toBeNull();
    const full = new Uint8Array(100 * 80).fill(240);
    for (let i = 0; i < 400; i++) full[i * 17] = 20; // text, no desk
    expect(findDocumentBox(full, 100, 80)).toBeNull();
  });

  it('picks the largest bright region, not a bright speck on the desk', () => {
    const w = 100;
    const h = 80;
    const g = new Uint8Array(w * h).fill(60);
    const rect = (x: number, y: number, rw: number, rh: number) => {
      for (let yy = y; yy < y + rh; yy++) g.fill(230, yy * w + x, yy * w + x + rw);
    };
    rect(2, 2, 5, 5);
    rect(30, 10, 40, 60);
    const box = findDocumentBox(g, w, h)!;
    expect(box.x).toBeCloseTo(29 / 100, 5);
    expect(box.w).toBeCloseTo(42 / 100, 5);
  });

  it('otsu splits two tones between them; luma of white is 255', () => {
    const g = new Uint8Array(1000);
    g.fill(50, 0, 600).fill(220, 600);
    const t = otsuThreshold(g);
    expect(t).toBeGreaterThanOrEqual(50);
    expect(t).toBeLessThan(220);
    expect([...rgbaToGrey(new Uint8Array([255, 255, 255, 255, 0, 0, 0, 255]))]).toEqual([255, 0]);
  });
});
