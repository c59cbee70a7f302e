import type { Command } from 'commander';
import { notAvailable } from '../util';

export function register(program: Command): void {
  const db = program.command('db').description('本地数据库（local database）');
  db.command('check').description('完整性检查并报告计数').option('--json', 'JSON 输出').action(notAvailable('db check'));
}
