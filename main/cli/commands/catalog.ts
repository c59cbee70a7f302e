import type { Command } from 'commander';
import { withApp } from '../../intake/cli-app';
import { dataDirOf, parsePositiveInt, printJson, wantsJson } from '../util';

export function register(program: Command): void {
  const catalog = program.command('catalog').description('政务服务事项目录（service item catalog）');
  catalog
    .command('search <query>')
    .description('按名称、拼音、首字母、编码或部门搜索事项')
    .option('--limit <n>', '最多条数', '20')
    .option('--json', 'JSON 输出')
    .action(async (query: string, opts: { limit: string }, cmd: Command) => {
      const limit = Math.max(1, Math.min(100, parsePositiveInt(opts.limit, '--limit')));
      await withApp(dataDirOf(cmd), async ({ services }) => {
        const r = services.catalog.search(query, limit);
        if (wantsJson(cmd)) {
          for (const i of r.items)
            printJson({ code: i.code, baseCode: i.baseCode, name: i.name, department: i.department, itemType: i.itemType, promisedLimit: i.promisedLimitText, matchedOn: i.matchedOn });
          return;
        }
        if (r.items.length === 0) process.stdout.write(`没有找到与“${query}”匹配的事项。\n`);
        for (const i of r.items) process.stdout.write(`${i.code}\t${i.name}\t${i.department}\t${i.promisedLimitText}\n`);
      });
    });
  catalog
    .command('info')
    .description('事项目录版本与数量')
    .option('--json', 'JSON 输出')
    .action(async (_opts: unknown, cmd: Command) => {
      await withApp(dataDirOf(cmd), async ({ services }) => {
        const info = await services.catalog.info();
        if (wantsJson(cmd)) printJson(info);
        else process.stdout.write(`版本 ${info.version}（${info.source}），事项 ${info.itemCount} 项，一件事 ${info.bundleCount} 个，更新于 ${info.updatedAt ?? '—'}\n`);
      });
    });
}
