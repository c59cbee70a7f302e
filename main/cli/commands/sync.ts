import type { Command } from 'commander';
import { notAvailable } from '../util';

export function register(program: Command): void {
  program
    .command('enroll')
    .description('用一次性注册码把本窗口注册到中心平台')
    .requiredOption('--central <url>', '中心平台地址')
    .requiredOption('--code <code>', '一次性注册码')
    .action(notAvailable('enroll'));
  const sync = program.command('sync').description('与中心平台同步（sync）');
  sync
    .command('run')
    .description('同步一次；--until-empty 一直重试直到待发队列为空')
    .option('--until-empty', '直到待发队列为空才退出')
    .option('--timeout <s>', '最长秒数')
    .action(notAvailable('sync run'));
  sync.command('status').description('同步状态').option('--json', 'JSON 输出').action(notAvailable('sync status'));
}
