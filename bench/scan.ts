import iconv from 'iconv-lite';
import traces from '../renderer/src/wedge/fixtures/key-traces.json';
import { WedgeDetector } from '../renderer/src/wedge/wedge-detector';
import type { DriverContext } from '../native/devices';
import { SerialScanDecoder } from '../native/scanner/serial-scan-decoder';
import { SerialScannerDriver } from '../native/scanner/serial-scanner-driver';
import { ScannerSimulator } from '../native/scanner/sim/scanner-simulator';
import { percentile } from './stats';
import type { Bench, BenchResult } from './types';

/** A realistic mix: case numbers, e-licence URLs, GBK Chinese, EAN, with AIM prefixes and all line endings; one Buffer a scan. */
function scans(lines: number): Buffer[] {
  const parts: Buffer[] = [];
  const endings = ['\r', '\n', '\r\n'];
  for (let i = 0; i < lines; i++) {
    const kind = i % 4;
    const body =
      kind === 0
        ? Buffer.from(`]Q1HK01-W03-20261127-${String(i % 10000).padStart(4, '0')}`)
        : kind === 1
          ? Buffer.from(`]Q1https://zwfw.hainan.gov.cn/lic?id=1.2.156.3005.2.11100000000013338W.91460000MA5T000000.${i}.001.X`)
          : kind === 2
            ? iconv.encode(`海南省政务服务中心 受理回执 第${i}号`, 'gb18030')
            : Buffer.from(`]E0690123456789${i % 10}`);
    parts.push(Buffer.concat([body, Buffer.from(endings[i % 3]!)]));
  }
  return parts;
}

function chunks(buf: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) out.push(buf.subarray(i, i + size));
  return out;
}

/**
 * Decode throughput against the floor: splitting on LF with indexOf and decoding as UTF-8, nothing
 * else. Ours frames as in the field: each scan in 64-byte reads (USB CDC full-speed packets), scans
 * a simulated 100 ms apart, suffix `auto` (each scan ends when the next read comes after the gap).
 */
function decodeThroughput(): BenchResult {
  const perScan = scans(20_000);
  const data = Buffer.concat(perScan);
  const parts = chunks(data, 64);
  const scanParts = perScan.map((b) => chunks(b, 64));
  const rounds = 5;
  const ours: number[] = [];
  const floor: number[] = [];
  let lines = 0;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    const d = new SerialScanDecoder({ suffix: 'auto' });
    lines = 0;
    let at = 0;
    for (const scan of scanParts) {
      for (const c of scan) lines += d.push(c, at).length;
      at += 100;
    }
    lines += d.idle(at).length;
    ours.push(performance.now() - t);
    t = performance.now();
    let pending = Buffer.alloc(0);
    let naive = 0;
    for (const c of parts) {
      pending = Buffer.concat([pending, c]);
      let at: number;
      while ((at = pending.indexOf(0x0a)) >= 0) {
        pending.subarray(0, at).toString('utf8');
        pending = pending.subarray(at + 1);
        naive++;
      }
    }
    floor.push(performance.now() - t);
    if (naive === 0) throw new Error("baseline split no lines");
  }
  const oursMs = percentile(ours, 50);
  const floorMs = percentile(floor, 50);
  const mbPerS = data.length / 1e6 / (oursMs / 1000);
  return {
    bench: 'scan-serial-decode',
    ratio: oursMs / floorMs,
    baseline: 'naive LF split + UTF-8 decode of the same bytes in 64-byte chunks (same run)',
    goal: 'headroom_vs_115200_baud ≫ 1 (a scanner line costs far less than its wire time); ratio tracked, GBK detection and AIM are the extra',
    lines,
    bytes: data.length,
    ours_ms: oursMs,
    floor_ms: floorMs,
    mb_per_s: mbPerS,
    headroom_vs_115200_baud: (mbPerS * 1e6) / 11_520,
  };
}

/**
 * Time from the simulator's write to the driver's scan, over a real pty, against the line's wire
 * time at 9600 baud. With the suffix configured (CRLF, what the simulator sends) a single-line scan
 * ends on it at once; under `auto` it waits the idle gap, which is what `auto` costs.
 */
async function ptyLatency(suffix: 'CRLF' | 'auto', runs: number): Promise<BenchResult> {
  const sim = await ScannerSimulator.start();
  let onScan: (() => void) | null = null;
  const ctx: DriverContext = {
    device: { id: 'bench', kind: 'scanner', port: sim.path, scanSuffix: suffix },
    path: sim.path,
    recordFrame: () => undefined,
    setState: () => undefined,
    emit: (name) => {
      if (name === 'scan') onScan?.();
    },
  };
  const driver = new SerialScannerDriver(ctx);
  await driver.open();
  const text = 'https://zwfw.hainan.gov.cn/lic?id=1.2.156.3005.2.11100000000013338W.91460000MA5T000000.0001.001.X';
  const bytes = ScannerSimulator.encode({ text, aimId: ']Q1' });
  const wireMs = (bytes.length * 10 * 1000) / 9600;
  const samples: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await new Promise<void>((resolve) => {
        onScan = resolve;
        sim.sendRaw(bytes);
      });
      samples.push(performance.now() - t);
    }
  } finally {
    await driver.close();
    await sim.close();
  }
  return {
    bench: suffix === 'auto' ? 'scan-serial-latency-auto' : 'scan-serial-latency',
    ratio: percentile(samples, 50) / wireMs,
    baseline: `wire time of the same ${bytes.length}-byte line at 9600 baud (${wireMs.toFixed(1)} ms, computed)`,
    goal: suffix === 'auto' ? 'about the 50 ms gap over the wire time: the price of an unset suffix' : '≪ 1: software adds little to what the cable takes anyway',
    suffix,
    p50_ms: percentile(samples, 50),
    p99_ms: percentile(samples, 99),
    runs: samples.length,
  };
}

/** Detector cost per keydown against dispatching the same keydown through an EventTarget (what every key costs anyway). */
function wedgeCost(): BenchResult {
  const keys = [...traces.humans.typist120wpm, ...traces.scanners.wiredEnter.flatMap((s) => s.keys)];
  const rounds = 40;
  let t = performance.now();
  for (let r = 0; r < rounds; r++) {
    const d = new WedgeDetector();
    for (const k of keys) {
      const deadline = d.deadline();
      if (deadline !== null && k.t > deadline) d.idle(k.t);
      d.key({ key: k.key, time: k.t });
    }
  }
  const detectorNs = ((performance.now() - t) * 1e6) / (rounds * keys.length);
  const target = new EventTarget();
  target.addEventListener('keydown', () => undefined);
  t = performance.now();
  for (let r = 0; r < rounds; r++) for (let i = 0; i < keys.length; i++) target.dispatchEvent(new Event('keydown'));
  const dispatchNs = ((performance.now() - t) * 1e6) / (rounds * keys.length);
  return {
    bench: 'scan-wedge-per-key',
    ratio: detectorNs / dispatchNs,
    baseline: 'creating and dispatching one Event through an EventTarget per key (same run)',
    goal: '≤ 1: invisible next to the key event itself',
    detector_ns_per_key: detectorNs,
    dispatch_ns_per_key: dispatchNs,
    keys: keys.length * rounds,
  };
}

export const bench: Bench = {
  name: 'scan',
  async run() {
    return [decodeThroughput(), await ptyLatency('CRLF', 60), await ptyLatency('auto', 20), wedgeCost()];
  },
};
