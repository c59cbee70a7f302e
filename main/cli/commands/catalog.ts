import fs from 'node:fs';
import type { Command } from 'commander';
import { withApp, withRouter } from '../app';
import { CliError, dataDirOf, parsePositiveInt, printJson, wantsJson } from '../util';

export function register(program: Command): void {
  const catalog = program.command('catalog').description('政务服务事项目录（service item catalog）');
  catalog
    .command('search <query>')
    .description('按名称、拼音、首字母、编码或部门搜索事项')
    .option('--limit <n>', '最多条数', '20')
    .option('--json', 'JSON 输出')
    .action(async (query: string, opts: { limit: string }, cmd: Command) => {
      const limit = Math.max(1, Math.min(100, parsePositiveInt(opts.limit, '--limit')));
      await withRouter(cmd, async (api) => {
        const r = await api.call('catalog.search', { q: query, limit });
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
      await withRouter(cmd, async (api) => {
        const info = await api.call('catalog.info', undefined);
        if (wantsJson(cmd)) printJson(info);
        else process.stdout.write(`版本 ${info.version}（${info.source}），事项 ${info.itemCount} 项，一件事 ${info.bundleCount} 个，更新于 ${info.updatedAt ?? '—'}\n`);
      });
    });
  catalog
    .command('import <file>')
    .description('导入事项目录发布包（JSON：全量或增量，版本须比本地新）')
    .option('--json', 'JSON 输出')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const { CatalogReleaseError } = await import('../../catalog/apply-release');
      let release: unknown;
      try {
        release = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (err) {
        throw new CliError(`无法读取目录文件 ${file}：${(err as Error).message}`, 1);
      }
      await withApp(dataDirOf(cmd), async ({ services }) => {
        try {
          const r = await services.catalog.applyRelease(release as never);
          if (wantsJson(cmd)) printJson(r);
          else process.stdout.write(`已导入目录版本 ${r.version}：更新 ${r.upserted} 项，移除 ${r.removed} 项\n`);
        } catch (err) {
          if (err instanceof CatalogReleaseError) throw new CliError(err.message, 1);
          throw err;
        }
      });
    });
  catalog
    .command('generate')
    .description('生成合成事项目录（基准测试用），写到 --out 文件')
    .requiredOption('--count <n>', '事项数量，如 50000')
    .requiredOption('--out <file>', '输出 JSON 文件')
    .option('--seed <n>', '随机种子', '1')
    .option('--version <n>', '目录版本号', '2')
    .action(async (opts: { count: string; out: string; seed: string; version: string }) => {
      const { syntheticRelease } = await import('../../catalog/synthetic');
      const release = syntheticRelease(parsePositiveInt(opts.count, '--count'), parsePositiveInt(opts.seed, '--seed'), parsePositiveInt(opts.version, '--version'));
      fs.writeFileSync(opts.out, JSON.stringify(release));
      process.stdout.write(`已生成 ${release.items?.length ?? 0} 个合成事项：${opts.out}\n`);
    });
}
