import { describe, expect, it } from 'vitest';
import { buildCaseNumber, parseCaseNumber, randomLocalWindowCode } from './case-number';
import { hallDate, hallDateCompact } from './hall-date';
import { checkUscc, usccCheckChar, withUsccCheckChar } from './uscc';

describe('统一社会信用代码', () => {
  it('accepts published codes and computes their check character', () => {
    // 国家税务总局 and a well-known company, as printed on their licences.
    expect(checkUscc('91350100M000100Y43').valid).toBe(true);
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(checkUscc('91110000802100433B').valid).toBe(true);
  });

  it('maps a remainder of 0 to check character 0 and reports problems in Chinese', () => {
    const code = withUsccCheckChar('91460100MA5T00000');
    expect(checkUscc(code).valid).toBe(true);
    expect(checkUscc(code.toLowerCase()).valid).toBe(true);
    expect(checkUscc('91350100M000100Y44')).toMatchObject({ valid: false, problem: 'checksum' });
    expect(checkUscc('91350100M000100YI3')).toMatchObject({ valid: false, problem: 'format' });
    expect(checkUscc('123').message).toMatch(/18 位/);
  });
});

describe('case numbers', () => {
  it('builds ASCII numbers that the scan router recognises', () => {
    const n = buildCaseNumber('LOCAL', 'W01', '20261127', 7);
    expect(n).toBe('LOCAL-W01-20261127-0007');
    expect(parseCaseNumber(n)?.seq).toBe('0007');
    expect(buildCaseNumber('HK01', 'W03', '20261127', 12345)).toBe('HK01-W03-20261127-12345');
    expect(() => buildCaseNumber('海口', 'W03', '20261127', 1)).toThrow();
    expect(randomLocalWindowCode()).toMatch(/^W[A-Z2-9]{6}$/);
  });

  it('uses the hall day in China time', () => {
    expect(hallDate(new Date('2026-11-26T16:30:00Z'))).toBe('2026-11-27');
    expect(hallDateCompact(new Date('2026-11-26T15:59:59Z'))).toBe('20261126');
  });
});
