import type { Command } from 'commander';
import { notAvailable } from '../util';

export function register(program: Command): void {
  const calendar = program.command('calendar').description('工作日历（working days）');
  calendar
    .command('add-workdays <date> <n>')
    .description('从 DATE 起加 N 个工作日，打印 YYYY-MM-DD')
    .option('--json', 'JSON 输出')
    .action(notAvailable('calendar add-workdays'));
}
