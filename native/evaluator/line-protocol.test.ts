import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { PendingPrompt } from './evaluator';
import { decodeField, encodeField, formatDeviceLine, formatHostLine, parseDeviceLine, parseHostLine } from './line-protocol';

describe('evaluator line protocol', () => {
  it('formats and parses every line', () => {
    expect(formatHostLine({ type: 'prompt', promptId: 'p-1', timeoutSec: 60, caseLabel: 'HK01-W03-20261127-0042' })).toBe(
      'PROMPT p-1 60 HK01-W03-20261127-0042\n',
    );
    expect(parseHostLine('PROMPT p-1 60 HK01-W03-20261127-0042')).toEqual({
      type: 'prompt',
      promptId: 'p-1',
      timeoutSec: 60,
      caseLabel: 'HK01-W03-20261127-0042',
    });
    expect(parseDeviceLine('RATE p-1 4 等候时间长|办理时间长')).toEqual({ type: 'rate', promptId: 'p-1', level: 4, reasons: ['等候时间长', '办理时间长'] });
    expect(parseDeviceLine('RATE - 1')).toEqual({ type: 'rate', promptId: null, level: 1, reasons: [] });
    expect(parseDeviceLine('HELLO YC-KP5 1.0')).toEqual({ type: 'hello', model: 'YC-KP5', firmware: '1.0' });
    expect(parseDeviceLine('TIMEOUT p-1')).toEqual({ type: 'timeout', promptId: 'p-1' });
    expect(parseDeviceLine('ERR BUSY still%20busy')).toEqual({ type: 'err', code: 'BUSY', text: 'still busy' });
  });

  it('refuses malformed ratings as unknown lines instead of guessing', () => {
    for (const line of ['RATE p-1 6', 'RATE p-1 0', 'RATE p-1 x', 'RATE', 'RATE p/1 3', 'RATE p-1 3 a b', 'BEEP'])
      expect(parseDeviceLine(line).type).toBe('unknown');
    expect(parseHostLine('PROMPT p-1 0')).toBeNull();
    expect(parseHostLine('CANCEL')).toBeNull();
  });

  it('round-trips any reasons through percent-encoding (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 5 }), fc.integer({ min: 1, max: 5 }), (reasons, level) => {
        const line = formatDeviceLine({ type: 'rate', promptId: 'p', level, reasons });
        expect(line.endsWith('\n')).toBe(true);
        expect(line.slice(0, -1)).not.toMatch(/[\r\n]/);
        expect(parseDeviceLine(line.slice(0, -1))).toEqual({ type: 'rate', promptId: 'p', level, reasons: reasons.map((r) => decodeField(encodeField(r))) });
      }),
    );
  });

  it('host timer ends a prompt the device never answers; a new prompt cancels the old', async () => {
    vi.useFakeTimers();
    try {
      const pending = new PendingPrompt();
      const first = pending.begin({ promptId: 'a', timeoutMs: 1000 });
      const second = pending.begin({ promptId: 'b', timeoutMs: 1000 });
      await expect(first).resolves.toEqual({ outcome: 'cancelled' });
      vi.advanceTimersByTime(3000);
      await expect(second).resolves.toEqual({ outcome: 'timeout' });
      expect(pending.settle('b', { outcome: 'cancelled' })).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
