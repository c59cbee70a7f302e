import fs from 'node:fs';
import type { ScanEncoding } from '../text-decoding';
import { ScannerSimulator } from './scanner-simulator';

export interface ScannerSimulatorRun {
  linesFile: string;
  encoding: ScanEncoding;
  intervalMs: number;
  repeat: boolean;
  /** Where the pty path goes (first line) and progress notes. */
  out: (line: string) => void;
  note: (line: string) => void;
}

/** Reads the scan lines of a file: one scan per line, blank lines skipped; an AIM prefix may be written in. */
export function readScanLines(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`无法读取条码文件 ${file}：${(err as Error).message}`, { cause: err });
  }
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.length > 0);
  if (lines.length === 0) throw new Error(`条码文件 ${file} 没有内容：请每行写一个条码。`);
  return lines;
}

/**
 * `yichuang simulate scanner`: prints the pty path, then sends one line per interval (looping with
 * `repeat`) and keeps the port until stopped, so a reader never sees a spurious unplug.
 * Resolves with a stop function.
 */
export async function runScannerSimulator(run: ScannerSimulatorRun): Promise<() => Promise<void>> {
  const lines = readScanLines(run.linesFile);
  const sim = await ScannerSimulator.start();
  run.out(sim.path);
  let i = 0;
  const timer = setInterval(() => {
    if (i >= lines.length) {
      if (!run.repeat) {
        clearInterval(timer);
        run.note(`已发送全部 ${lines.length} 行；按 Ctrl+C 结束模拟器。`);
        return;
      }
      i = 0;
    }
    sim.scan({ text: lines[i]!, encoding: run.encoding });
    i++;
  }, run.intervalMs);
  return async () => {
    clearInterval(timer);
    await sim.close();
  };
}
