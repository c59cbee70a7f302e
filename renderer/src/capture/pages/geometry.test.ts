import { describe, expect, it } from 'vitest';
import { cropInset, formatBytes, moved, rotateClockwise, shownSize, targetScale } from './geometry';

const TARGET = { maxLongEdgePx: 2339, maxShortEdgePx: 1654 };

describe('page geometry', () => {
  it('rotates clockwise in quarter turns and swaps the shown size', () => {
    expect([0, 90, 180, 270].map((r) => rotateClockwise(r as 0))).toEqual([90, 180, 270, 0]);
    expect(shownSize({ width: 2000, height: 1000 }, { x: 0.1, y: 0, w: 0.5, h: 1 }, 90)).toEqual({ width: 1000, height: 1000 });
    expect(shownSize({ width: 2000, height: 1000 }, null, 270)).toEqual({ width: 1000, height: 2000 });
  });

  it('scales so the kept part fits A4 at 200 dpi, never up', () => {
    // A 5 MP frame whose page is 60 % wide: already under 200 dpi, kept as is.
    expect(targetScale({ width: 2592, height: 1944 }, { x: 0.2, y: 0.1, w: 0.45, h: 0.8 }, TARGET)).toBe(1);
    // A 13 MP frame, whole (4:3 is squarer than A4): the short edge binds at 1654.
    const s = targetScale({ width: 4208, height: 3120 }, null, TARGET);
    expect(Math.round(3120 * s)).toBe(1654);
    // A long strip: the long edge binds at 2339.
    expect(Math.round(4000 * targetScale({ width: 4000, height: 1000 }, null, TARGET))).toBe(2339);
  });

  it('writes a crop as a CSS inset, moves pages, formats sizes', () => {
    expect(cropInset({ x: 0.1, y: 0.2, w: 0.5, h: 0.6 })).toBe('inset(20% 40% 20% 10%)');
    expect(cropInset(null)).toBe('none');
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(formatBytes(1536 * 1024)).toBe('1.5 MB');
    expect(formatBytes(300)).toBe('1 KB');
  });
});
