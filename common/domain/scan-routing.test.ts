import { describe, expect, it } from 'vitest';
import { classifyScan, findLicenceId, formatCaseNumber, isAppointmentCode, parseCaseNumber } from './scan-routing';
import { withUsccCheckChar } from './uscc';

describe('scan routing', () => {
  it('recognises a window-issued case number and its parts', () => {
    expect(parseCaseNumber('HK01-W03-20261127-0042')).toEqual({
      caseNumber: 'HK01-W03-20261127-0042',
      hall: 'HK01',
      window: 'W03',
      date: '20261127',
      seq: '0042',
    });
    expect(classifyScan(' HK01-W03-20261127-7\r').kind).toBe('case');
    expect(formatCaseNumber({ hall: 'HK01', window: 'W03', date: '20261127', seq: '0042' })).toBe('HK01-W03-20261127-0042');
  });

  it('refuses impossible dates and non-ASCII parts', () => {
    expect(parseCaseNumber('HK01-W03-20260230-1')).toBeNull();
    expect(parseCaseNumber('HK01-W03-20261301-1')).toBeNull();
    expect(parseCaseNumber('海口-W03-20261127-1')).toBeNull();
    expect(parseCaseNumber('HK01-W03-2026112-1')).toBeNull();
    expect(parseCaseNumber('HK01_W03-20261127-1')).toBeNull();
  });

  it('finds an e-licence identifier, also inside a URL', () => {
    const id = '1.2.156.3005.2.11100000000013338W.91460000MA5T000000.0001.001.X';
    expect(classifyScan(id)).toEqual({ kind: 'licence', licenceId: id });
    expect(findLicenceId(`https://zz.example.gov.cn/v?id=${id}&t=1`)).toBe(id);
    expect(findLicenceId('11.2.156.3005.2.1.2.3.4.5')).toBeNull();
    expect(findLicenceId('1.2.156.3005.2.1.2')).toBeNull();
  });

  it('recognises appointment codes and leaves the rest to the focused field', () => {
    expect(isAppointmentCode('YY20261127A001')).toBe(true);
    expect(classifyScan('yy-20261127a001')).toEqual({ kind: 'appointment', code: 'YY-20261127A001' });
    expect(classifyScan('6901234567892')).toEqual({ kind: 'other', text: '6901234567892' });
    expect(classifyScan('').kind).toBe('other');
  });

  it('routes a multi-line licence QR with a valid credit code as creditCode, keeping the full text', () => {
    const uscc = withUsccCheckChar('91330100MA2XXXXXX');
    const text = ['JY13301010012345', '杭州某某科技有限公司', uscc].join('\n\r');
    expect(classifyScan(text)).toEqual({ kind: 'creditCode', uscc, licenceNumber: 'JY13301010012345', operatorName: '杭州某某科技有限公司', text });
    // CR LF between lines and a trailing line break, as other issuing systems write it
    expect(classifyScan(`${uscc}\r\n杭州某某科技有限公司\r\n`)).toMatchObject({ kind: 'creditCode', uscc, licenceNumber: null });
  });

  it('keeps a multi-line code without a valid credit code, and a lone credit code, as other', () => {
    const uscc = withUsccCheckChar('91330100MA2XXXXXX');
    const wrongCheck = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
    const text = ['JY13301010012345', '杭州某某科技有限公司', wrongCheck].join('\n\r');
    expect(classifyScan(text)).toEqual({ kind: 'other', text });
    expect(classifyScan(uscc)).toEqual({ kind: 'other', text: uscc });
  });
});
