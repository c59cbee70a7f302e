import type { Command } from 'commander';
import { withApp, withRouter } from '../app';
import { CliError, dataDirOf, parsePositiveInt, printJson, wantsJson } from '../util';

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
        const actor = { id: 'demo-cli', name: '演示数据' };
        // Printed after the case's transaction committed: a printed number is a stored case.
        const { createDemoCases } = await import('../../intake/demo-cases');
        await createDemoCases(services, count, actor, (c) => process.stdout.write(`${c.caseNumber}\n`), seed);
      });
    });
  cases
    .command('list')
    .description('列出本窗口办件')
    .option('--json', 'JSON 输出（每行一个对象）')
    .option('--today', '只列今天的办件')
    .option('--q <text>', '办件号、姓名或证件号码')
    .option('--limit <n>', '最多条数', '500')
    .action(async (opts: { today?: boolean; q?: string; limit: string }, cmd: Command) => {
      const limit = parsePositiveInt(opts.limit, '--limit');
      if (limit < 1) throw new CliError('--limit 至少为 1', 2);
      await withRouter(cmd, async (api) => {
        let cursor: string | undefined;
        let left = limit;
        do {
          const page = await api.call('cases.list', { today: opts.today, q: opts.q, limit: Math.min(left, 500), cursor });
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
          cursor = page.nextCursor ?? undefined;
        } while (cursor && left > 0);
      });
    });
}
