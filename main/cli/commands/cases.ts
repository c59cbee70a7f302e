import type { Command } from 'commander';
import { withApp } from '../app';
import { CliError, dataDirOf, parsePositiveInt, printJson, wantsJson } from '../util';

/** `cases list` without --limit or --all. */
const DEFAULT_LIMIT = 500;

export function register(program: Command): void {
  const cases = program.command('cases').description('办件（cases）');
  cases
    .command('create-demo')
    .description('通过受理服务创建 N 个演示办件，每提交一件打印一行办件号')
    .requiredOption('--count <n>', '数量')
    .option('--seed <n>', '随机种子（可重复生成）')
    .action(async (opts: { count: string; seed?: string }, cmd: Command) => {
      const count = parsePositiveInt(opts.count, '--count');
      const seed = opts.seed === undefined ? Date.now() : parsePositiveInt(opts.seed, '--seed');
      await withApp(dataDirOf(cmd), async ({ services }) => {
        const { createDemoCases } = await import('../../intake/demo-cases');
        const actor = { id: 'demo-cli', name: '演示数据' };
        // Printed after the case's transaction committed: a printed number is a stored case.
        await createDemoCases(services, count, actor, (c) => process.stdout.write(`${c.caseNumber}\n`), seed);
      });
    });
  cases
    .command('list')
    .description('列出本窗口办件')
    .option('--json', 'JSON 输出（每行一个对象）')
    .option('--today', '只列今天的办件')
    .option('--q <text>', '办件号、姓名或证件号码')
    .option('--limit <n>', `最多条数（默认 ${DEFAULT_LIMIT}）`)
    .option('--all', '列出全部办件')
    .action(async (opts: { today?: boolean; q?: string; limit?: string; all?: boolean }, cmd: Command) => {
      if (opts.all && opts.limit !== undefined) throw new CliError('--all 与 --limit 只能用一个', 2);
      const limit = opts.all ? Infinity : opts.limit === undefined ? DEFAULT_LIMIT : parsePositiveInt(opts.limit, '--limit');
      if (limit < 1) throw new CliError('--limit 至少为 1', 2);
      // Read-only and without the writer lock (not through the router, which needs the whole app):
      // lists while the app runs, the count and its pages in one snapshot.
      const { withCaseQueries } = await import('../read-only');
      await withCaseQueries(dataDirOf(cmd), async (queries) => {
        let cursor: string | undefined;
        let left = limit;
        let shown = 0;
        do {
          const page = await queries.list({ today: opts.today, q: opts.q, limit: Math.min(left, 500), cursor });
          for (const c of page.cases) {
            if (wantsJson(cmd))
              printJson({
                caseNumber: c.caseNumber,
                status: c.status,
                itemCode: c.itemCode,
                itemName: c.itemName,
                acceptedAt: c.acceptedAt,
                promisedDate: c.promisedDate,
                promisedProvisional: c.promisedProvisional,
                deferredOutstanding: c.deferredOutstanding,
                sync: c.sync.state,
              });
            else process.stdout.write(`${c.caseNumber ?? '（草稿）'}\t${c.statusLabel}\t${c.itemName}\t${c.promisedDate ?? ''}\n`);
          }
          left -= page.cases.length;
          shown += page.cases.length;
          cursor = page.nextCursor ?? undefined;
        } while (cursor && left > 0);
        // Cut by the limit: said on stderr, so the JSON lines on stdout stay valid.
        if (cursor) {
          const total = await queries.count({ today: opts.today, q: opts.q });
          process.stderr.write(`只显示了前 ${shown} 条（共 ${total} 条）；用 --limit N 或 --all 查看更多。\n`);
        }
      });
    });
}
