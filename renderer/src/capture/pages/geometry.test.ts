import { describe, expect, it } from 'vitest';
import { cropInset, moved, rotateClockwise, shownSize } from './geometry';

describe('page geometry', () => {
  it('rotates clockwise in quarter turns and swaps the shown size', () => {
    expect([0, 90, 180, 270].map((r) => rotateClockwise(r as 0))).toEqual([90, 180, 270, 0]);
    expect(shownSize({ width: 2000, height: 1000 }, { x: 0.1, y: 0, w: 0.5, h: 1 }, 90)).toEqual({ width: 1000, height: 1000 });
    expect(shownSize({ width: 2000, height: 1000 }, null, 270)).toEqual({ width: 1000, height: 2000 });
  });


  it('writes a crop as a CSS inset, moves pages', () => {
    expect(cropInset({ x: 0.1, y: 0.2, w: 0.5, h: 0.6 })).toBe('inset(20% 40% 20% 10%)');
    expect(cropInset(null)).toBe('none');
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});
