import { describe, expect, it } from 'vitest';
import { certificateTypeLabel, certificateTypeOfCard, certificateTypeOfLegacy, checkCertificateNumber, CERTIFICATE_TYPE_CODES } from './certificate-types';
import { withIdCheckChar } from './id-number';

const resident = '11010519491231002X';
const foreigner2023 = withIdCheckChar('93315619800101001');

describe('certificate-type codes (GA/T 517)', () => {
  it('lists the codes with Chinese and English labels', () => {
    expect(CERTIFICATE_TYPE_CODES).toEqual(['111', '414', '511', '516', '553', '990']);
    expect(certificateTypeLabel('111')).toBe('居民身份证');
    expect(certificateTypeLabel('516', 'en')).toMatch(/Hong Kong/);
    expect(certificateTypeLabel('777')).toBe('777');
  });

  it('maps a card kind and a legacy applicant to a code', () => {
    expect(certificateTypeOfCard('resident')).toBe('111');
    expect(certificateTypeOfCard('foreigner')).toBe('553');
    expect(certificateTypeOfCard('permit')).toBe('990');
    expect(certificateTypeOfLegacy('resident', resident)).toBe('111');
    expect(certificateTypeOfLegacy('other', resident)).toBe('111');
    expect(certificateTypeOfLegacy('foreigner', foreigner2023)).toBe('553');
    expect(certificateTypeOfLegacy('permit', '810000199001010016')).toBe('990');
    expect(certificateTypeOfLegacy('other', 'E12345678')).toBe('990');
  });

  it('checks a number by its type', () => {
    expect(checkCertificateNumber('111', resident).valid).toBe(true);
    expect(checkCertificateNumber('111', '110105194912310021').message).toMatch(/校验位/);
    expect(checkCertificateNumber('553', foreigner2023).valid).toBe(true);
    expect(checkCertificateNumber('553', foreigner2023.slice(0, 17) + (foreigner2023[17] === '1' ? '2' : '1')).message).toMatch(/校验位/);
    expect(checkCertificateNumber('553', 'USA440009041101').valid).toBe(true);
    expect(checkCertificateNumber('553', 'US4400090411').valid).toBe(false);
    expect(checkCertificateNumber('516', 'H12345678').valid).toBe(true);
    expect(checkCertificateNumber('516', 'm1234567801').valid).toBe(true);
    expect(checkCertificateNumber('516', 'X12345678').message).toMatch(/H 或 M/);
    expect(checkCertificateNumber('511', '12345678').valid).toBe(true);
    expect(checkCertificateNumber('511', '1234').valid).toBe(false);
    expect(checkCertificateNumber('414', 'E12345678').valid).toBe(true);
    expect(checkCertificateNumber('414', 'E 123-45').valid).toBe(false);
    expect(checkCertificateNumber('990', '任意编号 1').valid).toBe(true);
    expect(checkCertificateNumber('990', '').message).toMatch(/请填写/);
  });
});
