import { describe, expect, it } from 'vitest';
import { genderName, nationFullName, nationName, NATIONS } from './idcard-tables';

describe('ID card code tables', () => {
  it('has all 56 nations plus 97 and 98', () => {
    expect(Object.keys(NATIONS)).toHaveLength(58);
    expect(nationName('01')).toBe('汉');
    expect(nationName('56')).toBe('基诺');
    expect(nationName('19')).toBe('黎');
    expect(nationFullName('19')).toBe('黎族');
    expect(nationFullName('98')).toBe('外国血统中国籍人士');
    expect(nationName('57')).toBeNull();
  });
  it('maps GB/T 2261.1 gender codes', () => {
    expect(genderName('1')).toBe('男');
    expect(genderName('2')).toBe('女');
    expect(genderName('9')).toBe('未说明');
    expect(genderName('7')).toBeNull();
  });
});
