import { describe, expect, it } from 'vitest';
import fixture from './fixtures/hid-pos-reports.json';
import { LICENCE_QR_TEXT } from './fixtures/licence-qr';
import { findHidPosModel, HID_POS_MODELS, STANDARD_LAYOUT, type HidPosModel } from './hid-models';
import { encodeHidPosReports, HidPosAssembler, parseHidPosReport } from './hid-pos-report';
import { HidPosScanner } from './hid-pos-scanner';
import { hexToBytes, RecordedHidTransport } from './recorded-hid-transport';
import { ScannerError, type ScanResult } from './scan-result';

const reportsOf = (name: string) => fixture.scans.find((s) => s.name === name)!.reports;

function scannerWith(model: HidPosModel = findHidPosModel(0x0c2e, 0x1234)) {
  const transport = new RecordedHidTransport();
  const scans: ScanResult[] = [];
  const errors: ScannerError[] = [];
  const scanner = new HidPosScanner(transport, model, { scan: (s) => scans.push(s), error: (e) => errors.push(e) });
  return { transport, scanner, scans, errors };
}

describe('HID POS reports', () => {
  it('parses one report: length, AIM id, continuation bit', () => {
    const packet = parseHidPosReport(hexToBytes(reportsOf('code128-case-number')[0]!), STANDARD_LAYOUT);
    expect(packet).toMatchObject({ aimId: ']C0', more: false });
    expect(Buffer.from((packet as { data: Uint8Array }).data).toString()).toBe('HK01-W03-20261127-0042');
  });

  it('joins a multi-report QR scan until the continuation bit clears', () => {
    const { transport, scans, errors } = scannerWith();
    expect(reportsOf('qr-url-3-reports')).toHaveLength(3);
    transport.play(reportsOf('qr-url-3-reports'));
    expect(errors).toEqual([]);
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({ symbology: 'QR', aimId: ']Q1', encoding: 'utf8' });
    expect(scans[0]!.text).toMatch(/^https:\/\/zwfw\.hainan\.gov\.cn\/lic\?id=1\.2\.156\.3005\.2\..*t=20261127$/);
  });

  it('keeps a multi-report GB18030 licence QR with embedded LF CR as one scan, its CR suffix dropped', () => {
    const { transport, scans, errors } = scannerWith();
    expect(reportsOf('qr-licence-multiline-gb18030').length).toBeGreaterThan(1);
    transport.play([...reportsOf('qr-licence-multiline-gb18030'), ...reportsOf('ean13')]);
    expect(errors).toEqual([]);
    expect(scans.map((s) => [s.symbology, s.text, s.encoding])).toEqual([
      ['QR', LICENCE_QR_TEXT, 'gb18030'],
      ['EAN-13', '6901234567892', 'utf8'],
    ]);
  });

  it('decodes GBK content and keeps scans apart', () => {
    const { transport, scans } = scannerWith();
    transport.play([...reportsOf('qr-gbk-chinese'), ...reportsOf('ean13'), ...reportsOf('code128-case-number')]);
    expect(scans.map((s) => [s.symbology, s.text, s.encoding])).toEqual([
      ['QR', '海南省政务服务中心 受理回执 HK01-W03-20261127-0042', 'gb18030'],
      ['EAN-13', '6901234567892', 'utf8'],
      ['Code 128', 'HK01-W03-20261127-0042', 'utf8'],
    ]);
  });

  it('ignores reports with other ids and reports bad lengths without stopping', () => {
    const { transport, scans, errors } = scannerWith();
    const bad = hexToBytes(reportsOf('ean13')[0]!);
    bad[1] = 60; // longer than the 56 data bytes a report holds
    transport.play(['01 00 00', bad, '02 00', ...reportsOf('ean13')]);
    expect(errors.map((e) => e.code)).toEqual(['REPORT_INVALID', 'REPORT_INVALID']);
    expect(scans.map((s) => s.text)).toEqual(['6901234567892']);
  });

  it('drops a scan whose continuation bit never clears past the size limit', () => {
    const asm = new HidPosAssembler(STANDARD_LAYOUT, 'auto', 100);
    const reports = encodeHidPosReports(Buffer.alloc(300, 0x41), ']Q1', STANDARD_LAYOUT);
    const outs = reports.map((r) => asm.push(r));
    expect(outs.slice(0, -1).every((o) => o === null)).toBe(true);
    expect((outs.at(-1) as ScannerError).code).toBe('SCAN_TOO_LONG');
    expect(asm.push(encodeHidPosReports(Buffer.from('ok'), null, STANDARD_LAYOUT)[0]!)).toEqual({ text: 'ok', symbology: 'unknown', encoding: 'utf8' });
  });

  it('sends the model feature report that enters HID POS mode, and reports unplugging', async () => {
    const model: HidPosModel = { ...HID_POS_MODELS[0]!, key: 'needs-mode', enterPosMode: [0xfd, 0x03, 0x10, 0x01] };
    const { transport, scanner } = scannerWith(model);
    await scanner.start();
    expect(transport.featureReports).toEqual([[0xfd, 0x03, 0x10, 0x01]]);
    transport.unplug();
    await expect(scanner.closed).resolves.toBe('HID 设备已拔出');
  });

  it('picks the model by VID/PID, vendor, then the generic layout', () => {
    expect(findHidPosModel('0C2E', 'abcd').key).toBe('honeywell-hidpos');
    expect(findHidPosModel(0x1eab, 1).key).toBe('newland-hidpos');
    expect(findHidPosModel(0x1234, 1).key).toBe('generic-hidpos');
  });
});
