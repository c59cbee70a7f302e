import type { Command } from 'commander';
import { notAvailable } from '../util';

export function register(program: Command): void {
  const cases = program.command('cases').description('办件（cases）');
  cases
    .command('create-demo')
    .description('通过受理服务创建 N 个演示办件，每提交一件打印一行办件号')
    .requiredOption('--count <n>', '数量')
    .action(notAvailable('cases create-demo'));
  cases.command('list').description('列出本窗口办件').option('--json', 'JSON 输出').action(notAvailable('cases list'));
}
