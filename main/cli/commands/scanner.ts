import type { Command } from 'commander';
import { SCAN_GAP_MS, SCAN_SUFFIXES } from '../../../common/contract/scan-framing';
import { CliError, parsePositiveInt, printJson } from '../util';

export function register(program: Command): void {
  const scanner = program.command('scanner').description('扫码枪（barcode / QR scanner）');
  scanner
    .command('read')
    .description('读取 N 次扫码并逐行打印 JSON')
    .requiredOption('--port <path>', '串口，或 HID POS 扫码枪的设备路径（/dev/hidrawN）')
    .option('--baud <n>', '波特率', '9600')
    .option('--suffix <s>', `扫码枪设置的结尾符：${SCAN_SUFFIXES.join(' / ')}（auto：任意回车换行，等间隔确认）`, 'auto')
    .option('--gap <ms>', `多长空闲算一次扫码结束（毫秒，${SCAN_GAP_MS.min}–${SCAN_GAP_MS.max}）`, String(SCAN_GAP_MS.default))
    .option('--count <n>', '读取次数后退出', '1')
    .option('--timeout <ms>', '最长等待（毫秒），默认一直等')
    .option('--json', 'JSON 输出')
    .action(async (opts: { port: string; baud: string; suffix: string; gap: string; count: string; timeout?: string; json?: boolean }, cmd: Command) => {
      const json = Boolean(opts.json ?? cmd.optsWithGlobals<{ json?: boolean }>().json);
      const count = parsePositiveInt(opts.count, '--count');
      const baud = parsePositiveInt(opts.baud, '--baud');
      const suffix = SCAN_SUFFIXES.find((o) => o.toLowerCase() === opts.suffix.toLowerCase());
      if (!suffix) throw new CliError(`--suffix 只能是 ${SCAN_SUFFIXES.join('、')} 之一（收到 ${opts.suffix}）。`, 2);
      const gapMs = parsePositiveInt(opts.gap, '--gap');
      if (gapMs < SCAN_GAP_MS.min || gapMs > SCAN_GAP_MS.max) throw new CliError(`--gap 须在 ${SCAN_GAP_MS.min} 到 ${SCAN_GAP_MS.max} 毫秒之间（收到 ${opts.gap}）。`, 2);
      if (count === 0) return;
      const { readScans } = await import('../../../native/scanner/read-scans');
      try {
        await readScans(opts.port, {
          baud,
          suffix,
          gapMs,
          count,
          timeoutMs: opts.timeout === undefined ? undefined : parsePositiveInt(opts.timeout, '--timeout'),
          onScan: (s) => {
            if (json) printJson({ text: s.text, symbology: s.symbology, source: s.source });
            else process.stdout.write(`[${s.symbology}] ${s.text}\n`);
          },
          onRejected: (message) => process.stderr.write(`${message}\n`),
        });
      } catch (err) {
        throw new CliError((err as Error).message, 1);
      }
    });
  scanner
    .command('hid')
    .description('列出 HID POS 扫码枪（usage page 0x8C）及匹配的型号')
    .option('--all', '列出全部 HID 设备')
    .option('--json', 'JSON 输出')
    .action(async (opts: { all?: boolean; json?: boolean }, cmd: Command) => {
      const json = Boolean(opts.json ?? cmd.optsWithGlobals<{ json?: boolean }>().json);
      const [{ findHidPosModel, HID_POS_USAGE_PAGE }, { listHidDevices }] = await Promise.all([
        import('../../../native/scanner/hid-models'),
        import('../../../native/scanner/hid-transport'),
      ]);
      let devices;
      try {
        devices = await listHidDevices();
      } catch (err) {
        throw new CliError((err as Error).message, 1);
      }
      const rows = devices
        .filter((d) => opts.all || d.usagePage === HID_POS_USAGE_PAGE)
        .map((d) => ({ ...d, model: d.usagePage === HID_POS_USAGE_PAGE ? findHidPosModel(d.vendorId, d.productId).key : null }));
      if (json) return printJson(rows);
      if (rows.length === 0) process.stdout.write('没有找到 HID POS 扫码枪（请确认扫码枪已设置为 HID POS 模式；--all 列出全部 HID 设备）。\n');
      for (const r of rows)
        process.stdout.write(`${r.path}  ${r.vendorId.toString(16).padStart(4, '0')}:${r.productId.toString(16).padStart(4, '0')}  ${r.product ?? ''}  ${r.model ?? ''}\n`);
    });
}
