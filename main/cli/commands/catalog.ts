import type { Command } from 'commander';
import { notAvailable } from '../util';

export function register(program: Command): void {
  const catalog = program.command('catalog').description('政务服务事项目录（service item catalog）');
  catalog
    .command('search <query>')
    .description('按名称、拼音、首字母、编码或部门搜索事项')
    .option('--limit <n>', '最多条数', '20')
    .option('--json', 'JSON 输出')
    .action(notAvailable('catalog search'));
}
