import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScans } from './read-scans';
import type { DeviceScan } from './serial-scanner-driver';
import { readScanLines, runScannerSimulator } from './sim/run-scanner-simulator';

describe('scanner read against simulate scanner (what the two CLI commands run)', () => {
  it('reads N scans from the simulator on a pty, GB18030 lines included', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-scan-'));
    const file = path.join(dir, 'lines.txt');
    fs.writeFileSync(file, ']Q1HK01-W03-20261127-0042\r\n海南省政务服务中心\n\n6901234567892\n');
    expect(readScanLines(file)).toHaveLength(3);
    let portPath = '';
    const stop = await runScannerSimulator({ linesFile: file, encoding: 'gb18030', intervalMs: 120, repeat: true, out: (p) => (portPath = p), note: () => undefined });
    try {
      const scans: DeviceScan[] = [];
      await expect(readScans(portPath, { suffix: 'CRLF', count: 5, timeoutMs: 20_000, onScan: (s) => scans.push(s) })).resolves.toBe(5);
      const cycle = ['HK01-W03-20261127-0042', '海南省政务服务中心', '6901234567892'];
      // The reader joins at any point of the loop, and its first read may hold lines the pty kept
      // from before it opened (one burst, so one scan); after that the lines come in file order.
      // On a stalled machine lines the pty held for one read arrive together, as one burst is one
      // scan by design (a multi-line code): so check the lines and their order, not the grouping.
      const later = scans.slice(1).flatMap((s) => s.text.split(/\r\n|\r|\n/));
      const start = cycle.indexOf(later[0]!);
      expect(later.length).toBeGreaterThanOrEqual(4);
      expect(later).toEqual(later.map((_, i) => cycle[(start + i) % 3]));
      expect(scans.find((s) => s.text.startsWith('HK01'))?.symbology).toBe('QR');
    } finally {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with a plain message for a missing port or lines file', async () => {
    await expect(readScans('/dev/does-not-exist', { count: 1, onScan: () => undefined })).rejects.toThrow(/无法打开串口/);
    expect(() => readScanLines('/nonexistent/lines.txt')).toThrow(/无法读取条码文件/);
  });
});
