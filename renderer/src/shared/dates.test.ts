import { describe, expect, it } from 'vitest';
import { clockTime, shortTime } from './dates';

describe('hall time', () => {
  it('writes a frame time in hall time with milliseconds, like the rest of the screen', () => {
    // 03:51 UTC is 11:51 in the hall (UTC+8).
    expect(clockTime('2026-11-27T03:51:31.692Z')).toBe('11:51:31.692');
    expect(clockTime('2026-11-27T16:00:00.005Z')).toBe('00:00:00.005');
    expect(shortTime('2026-11-27T03:51:31.692Z')).toBe('11-27 11:51');
  });

  it('leaves what is not a time as it is', () => {
    expect(clockTime('not a time')).toBe('not a time');
  });
});
