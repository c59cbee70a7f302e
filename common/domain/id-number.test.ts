import { describe, expect, it } from 'vitest';
import { checkIdNumber, hasValidIdChecksum, idNumberCheckChar, isCalendarDate, withIdCheckChar } from './id-number';

describe('ID number (GB 11643)', () => {
  it('computes the MOD 11-2 check character', () => {
    // Published example from GB 11643-1999.
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(hasValidIdChecksum('11010519491231002X')).toBe(true);
    expect(hasValidIdChecksum('11010519491231002x')).toBe(true);
    expect(hasValidIdChecksum('110105194912310021')).toBe(false);
    expect(withIdCheckChar('46010219900101002')).toMatch(/^46010219900101002[\dX]$/);
  });

  it('reports format, birth date and checksum problems separately', () => {
    expect(checkIdNumber('1234').problem).toBe('format');
    expect(checkIdNumber(withIdCheckChar('46010219900231002')).problem).toBe('birthDate');
    expect(checkIdNumber('110105194912310021').problem).toBe('checksum');
    expect(checkIdNumber('11010519491231002X')).toEqual({ valid: true, problem: null, message: null });
  });

  it('accepts the 2023 foreigner card numbers (start with 9, same check)', () => {
    const n = withIdCheckChar('93384019800101001');
    expect(checkIdNumber(n).valid).toBe(true);
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('20000229')).toBe(true);
    expect(isCalendarDate('19000229')).toBe(false);
    expect(isCalendarDate('20231301')).toBe(false);
  });
});
