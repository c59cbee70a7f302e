import type { Command } from 'commander';
import { notAvailable } from '../util';

export function register(program: Command): void {
  const central = program.command('central').description('参考中心平台（reference central server）');
  central
    .command('serve')
    .description('启动中心平台服务，就绪后打印地址')
    .option('--port <n>', '端口', '8640')
    .option('--database-url <url>', 'postgres://… （默认内置 SQLite）')
    .action(notAvailable('central serve'));
  central
    .command('enroll-code')
    .description('为大厅窗口签发一次性注册码')
    .requiredOption('--hall <code>', '大厅编码')
    .requiredOption('--window <code>', '窗口编码')
    .action(notAvailable('central enroll-code'));
  central.command('stats').description('中心平台计数').option('--json', 'JSON 输出').action(notAvailable('central stats'));
}
