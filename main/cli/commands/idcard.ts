import type { Command } from 'commander';

export function register(program: Command): void {
  const idcard = program.command('idcard').description('身份证阅读器（ID card reader）');
  idcard
    .command('read')
    .description('等待一张卡，读取并打印后退出')
    .requiredOption('--port <path>', '串口，例如 /dev/ttyUSB0 或 COM3')
    .option('--baud <n>', '波特率（默认自动检测 115200 / 9600）')
    .option('--timeout <ms>', '等待放卡的超时（毫秒）', '30000')
    .option('--fingerprint', '同时读取指纹数据（30 10）')
    .option('--json', 'JSON 输出')
    .action(async (opts: Parameters<typeof import('./idcard-read').idcardRead>[0]) => (await import('./idcard-read')).idcardRead(opts));
  idcard
    .command('layouts')
    .description('列出卡片版式（内置及 YICHUANG_CARD_LAYOUTS 文件），标出未经确认的版式')
    .option('--json', 'JSON 输出')
    .action(async (opts: { json?: boolean }) => (await import('./idcard-layouts')).idcardLayouts(opts));
}
