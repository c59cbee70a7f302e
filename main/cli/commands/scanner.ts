import type { Command } from 'commander';
import { readScans } from '../../../native/scanner/read-scans';
import { CliError, parsePositiveInt, printJson } from '../util';

export function register(program: Command): void {
  const scanner = program.command('scanner').description('扫码枪（barcode / QR scanner）');
  scanner
    .command('read')
    .description('读取 N 次扫码并逐行打印 JSON')
    .requiredOption('--port <path>', '串口')
    .option('--baud <n>', '波特率', '9600')
    .option('--count <n>', '读取次数后退出', '1')
    .option('--timeout <ms>', '最长等待（毫秒），默认一直等')
    .option('--json', 'JSON 输出')
    .action(async (opts: { port: string; baud: string; count: string; timeout?: string; json?: boolean }, cmd: Command) => {
      const json = Boolean(opts.json ?? cmd.optsWithGlobals<{ json?: boolean }>().json);
      const count = parsePositiveInt(opts.count, '--count');
      const baud = parsePositiveInt(opts.baud, '--baud');
      if (count === 0) return;
      try {
        await readScans(opts.port, {
          baud,
          count,
          timeoutMs: opts.timeout === undefined ? undefined : parsePositiveInt(opts.timeout, '--timeout'),
          onScan: (s) => {
            if (json) printJson({ text: s.text, symbology: s.symbology, source: 'serial' });
            else process.stdout.write(`[${s.symbology}] ${s.text}\n`);
          },
          onRejected: (message) => process.stderr.write(`${message}\n`),
        });
      } catch (err) {
        throw new CliError((err as Error).message, 1);
      }
    });
}
