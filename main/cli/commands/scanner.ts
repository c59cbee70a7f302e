import type { Command } from 'commander';
import { notAvailable } from '../util';

export function register(program: Command): void {
  const scanner = program.command('scanner').description('扫码枪（barcode / QR scanner）');
  scanner
    .command('read')
    .description('读取 N 次扫码并逐行打印 JSON')
    .requiredOption('--port <path>', '串口')
    .option('--baud <n>', '波特率', '9600')
    .option('--count <n>', '读取次数后退出', '1')
    .option('--json', 'JSON 输出')
    .action(notAvailable('scanner read'));
}
