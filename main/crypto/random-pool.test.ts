import { describe, expect, it } from 'vitest';
import { randomIv } from './random-pool';

describe('randomIv', () => {
  it('hands out fresh bytes of the asked length, never the same bytes twice, across pool refills', () => {
    const seen = new Set<string>();
    const ivs: Buffer[] = [];
    // 12-byte IVs across several 4 KiB refills, and a 16-byte one straddling a boundary.
    for (let i = 0; i < 1500; i++) {
      const iv = randomIv(i % 7 === 0 ? 16 : 12);
      expect(iv.length).toBe(i % 7 === 0 ? 16 : 12);
      seen.add(iv.toString('hex'));
      ivs.push(iv);
    }
    expect(seen.size).toBe(1500);
    // Each IV is its own copy: the caller may keep it while later ones are handed out.
    const kept = Buffer.from(ivs[0]!);
    for (let i = 0; i < 400; i++) randomIv(12);
    expect(ivs[0]).toEqual(kept);
    expect(randomIv(5000)).toHaveLength(5000);
  });
});
