import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { CENTRAL_CASE_STATUSES } from '../../../common/sync/case-statuses';
import { DELIVERY_METHODS, RESULT_OUTCOMES, type DeliveryMethod, type ResultOutcome } from '../../../common/domain/case-result';
import type { openCentralStore } from '../../../central/db/open';
import { defaultDataDir, resourcesDir } from '../../config/paths';
import { CliError, parsePositiveInt, printJson, wantsJson } from '../util';

/** The central server's own folder: `--data-dir` as given, else `central/` under the app's folder. */
function centralDir(cmd: Command): string {
  const opts = cmd.optsWithGlobals<{ dataDir?: string }>();
  return opts.dataDir ? path.resolve(opts.dataDir) : path.join(defaultDataDir(), 'central');
}

function databaseUrl(cmd: Command): string | undefined {
  return cmd.optsWithGlobals<{ databaseUrl?: string }>().databaseUrl ?? (process.env.YICHUANG_CENTRAL_DATABASE_URL || undefined);
}

/** Problems the operator can fix, as a one-line Chinese message instead of a stack. */
async function asCliError(err: unknown): Promise<unknown> {
  const [{ DatabaseUnreachableError, UnsupportedDatabaseError }, { RestoreRefusedError }, { UnknownCaseError }] = await Promise.all([
    import('../../../central/db/open'),
    import('../../../central/db/restore'),
    import('../../../central/store/queries'),
  ]);
  if (err instanceof UnsupportedDatabaseError) return new CliError(err.message, 2);
  if (err instanceof DatabaseUnreachableError || err instanceof RestoreRefusedError || err instanceof UnknownCaseError) return new CliError(err.message, 1);
  return err;
}

async function withStore<T>(cmd: Command, fn: (store: Awaited<ReturnType<typeof openCentralStore>>) => Promise<T>): Promise<T> {
  try {
    const { openCentralStore } = await import('../../../central/db/open');
    const store = await openCentralStore({ dataDir: centralDir(cmd), databaseUrl: databaseUrl(cmd) });
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  } catch (err) {
    throw await asCliError(err);
  }
}

export function register(program: Command): void {
  const central = program
    .command('central')
    .description('参考中心平台（reference central server）')
    // Every subcommand's help lists --database-url and --data-dir, which apply to all of them.
    .configureHelp({ showGlobalOptions: true })
    .option('--database-url <url>', 'PostgreSQL：postgres://用户:密码@主机:端口/库名（默认内置 SQLite，在 --data-dir；也可用环境变量 YICHUANG_CENTRAL_DATABASE_URL）');
  central
    .command('serve')
    .description('启动中心平台服务，就绪后打印地址')
    .option('--port <n>', '端口（0 = 任选空闲端口）', '8640')
    .option('--host <addr>', '监听地址', '127.0.0.1')
    .addOption(new Option('--allow-faults', '允许故障注入（仅测试）').hideHelp())
    .action(async (opts: { port: string; host: string; allowFaults?: boolean }, cmd: Command) => {
      const [{ startCentralServer }, { SERVE_PID_FILE }] = await Promise.all([import('../../../central/http/server'), import('../../../central/db/restore')]);
      let server;
      try {
        server = await startCentralServer({
          dataDir: centralDir(cmd),
          databaseUrl: databaseUrl(cmd),
          port: parsePositiveInt(opts.port, '端口'),
          host: opts.host,
          allowFaults: opts.allowFaults,
          catalogSeedDir: path.join(resourcesDir(), 'catalog'),
          onError: (err) => process.stderr.write(`central: ${(err as Error)?.stack ?? String(err)}\n`),
        });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new CliError(`端口 ${opts.port} 已被占用：请换一个端口（--port）。`, 1);
        throw await asCliError(err);
      }
      const pidFile = path.join(centralDir(cmd), SERVE_PID_FILE);
      fs.writeFileSync(pidFile, String(process.pid));
      process.once('exit', () => fs.rmSync(pidFile, { force: true }));
      process.stdout.write(`${server.url}\n`);
      process.stderr.write(`中心平台已就绪：${server.url}（数据目录 ${centralDir(cmd)}，代数 ${server.store.generation}）\n`);
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise(() => undefined); // serve until signalled
    });
  central
    .command('enroll-code')
    .description('为大厅窗口签发一次性注册码')
    .requiredOption('--hall <code>', '大厅编码')
    .requiredOption('--window <code>', '窗口编码')
    .option('--json', 'JSON 输出')
    .action(async (opts: { hall: string; window: string }, cmd: Command) => {
      const { createEnrolmentCode } = await import('../../../central/store/enrolment');
      const issued = await withStore(cmd, (s) => createEnrolmentCode(s.db, opts.hall, opts.window));
      if (wantsJson(cmd)) printJson({ ...issued, hall: opts.hall, window: opts.window });
      else process.stdout.write(`${issued.code}\n`);
    });
  central
    .command('stats')
    .description('中心平台计数（按记录去重）')
    .option('--json', 'JSON 输出')
    .action(async (_opts: unknown, cmd: Command) => {
      const { centralCounts } = await import('../../../central/store/queries');
      const counts = await withStore(cmd, (s) => centralCounts(s.db));
      if (wantsJson(cmd)) printJson(counts);
      else process.stdout.write(`办件 ${counts.cases}，评价 ${counts.ratings}，整改 ${counts.rectifications}，已处理条目 ${counts.items}，设备 ${counts.devices}\n`);
    });
  central
    .command('case-status')
    .description('登记办件在中心平台的状态变化（演示、测试）')
    .requiredOption('--case <id>', '办件 ID')
    .addOption(new Option('--status <status>', '状态').choices(CENTRAL_CASE_STATUSES).makeOptionMandatory())
    .option('--note <text>', '说明')
    .option('--central-number <no>', '中心办件编号')
    .action(async (opts: { case: string; status: (typeof CENTRAL_CASE_STATUSES)[number]; note?: string; centralNumber?: string }, cmd: Command) => {
      const { recordCaseStatus } = await import('../../../central/store/queries');
      const cursor = await withStore(cmd, (s) =>
        recordCaseStatus(s.db, { caseId: opts.case, status: opts.status, note: opts.note, centralCaseNumber: opts.centralNumber }),
      );
      process.stdout.write(`${cursor}\n`);
    });
  registerResult(central);
  central
    .command('openapi')
    .description('打印同步接口的 OpenAPI 文档（与 central/openapi.json 一致）')
    .action(async () => {
      const { buildOpenApi } = await import('../../../central/openapi');
      process.stdout.write(JSON.stringify(buildOpenApi(), null, 2) + '\n');
    });
  central
    .command('new-generation')
    .description('恢复备份后执行：换新的数据库代数，让各窗口重新提交仍持有的数据')
    .action(async (_o: unknown, cmd: Command) => {
      const { renewGeneration } = await import('../../../central/db/open');
      const generation = await withStore(cmd, (s) => renewGeneration(s.db));
      process.stdout.write(`${generation}\n`);
      process.stderr.write('新代数已生效；正在运行的中心平台服务需重启后才会使用它。\n');
    });
  central
    .command('backup')
    .description('备份内置 SQLite 中心库（服务运行时也可）')
    .requiredOption('--to <file>', '备份文件')
    .action(async (opts: { to: string }, cmd: Command) => {
      const { backupCentral } = await import('../../../central/db/restore');
      const r = await withStore(cmd, (s) => backupCentral(s, path.resolve(opts.to)));
      process.stdout.write(`${r.file}\n`);
      process.stderr.write(`已备份 ${(r.bytes / 1024).toFixed(0)} KB。\n`);
    });
  central
    .command('restore')
    .description('用备份替换内置 SQLite 中心库，并换新代数（各窗口随后重新提交备份之后的数据）')
    .requiredOption('--from <file>', '备份文件')
    .action(async (opts: { from: string }, cmd: Command) => {
      if (databaseUrl(cmd)) throw new CliError('PostgreSQL 中心库请用 pg_restore 恢复，然后执行 yichuang central new-generation --database-url …（见 docs/OPERATIONS.md）。', 2);
      const { restoreCentral } = await import('../../../central/db/restore');
      const r = await restoreCentral(centralDir(cmd), path.resolve(opts.from)).catch(async (err: unknown) => {
        throw await asCliError(err);
      });
      process.stdout.write(`${r.generation}\n`);
      process.stderr.write(`已恢复，新代数 ${r.generation}。${r.keptAs ? `原数据库保留为 ${r.keptAs}。` : ''}各窗口下次同步时会重新提交仍持有的数据。\n`);
    });
}

/** `item` or `item*2` (count 2); comma separated. */
export function parseResultItems(text: string): Array<{ name: string; count: number }> {
  const items = text
    .split(/[,，、]/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => {
      const m = /^(.+?)\s*[*×xX]\s*(\d{1,2})$/.exec(t);
      return m ? { name: m[1]!.trim(), count: Number(m[2]) } : { name: t, count: 1 };
    });
  if (items.some((i) => i.count < 1)) throw new CliError('--items 的份数至少为 1', 2);
  return items;
}

/** 出件 results from the back office: one case, or demo results for every case without one. */
function registerResult(central: Command): void {
  const result = central.command('result').description('办件办理结果（出件：办结 / 不予许可、已制证、领取物品、送达方式）');
  result
    .command('set')
    .description('登记办件的办理结果，随状态同步到窗口')
    .argument('<case>', '办件 ID')
    .addOption(new Option('--outcome <outcome>', '办理结果：approved 准予许可（办结），refused 不予许可').choices(RESULT_OUTCOMES).makeOptionMandatory())
    .option('--ready', '证照或决定书已制作完成（已制证），可领取或邮寄')
    .option('--items <list>', '领取物品，逗号分隔，可写份数，如 "营业执照正本,营业执照副本*2"', '')
    .addOption(new Option('--delivery <method>', '送达方式：window 窗口领取，post 邮寄').choices(DELIVERY_METHODS).default('window'))
    .option('--note <text>', '说明')
    .option('--central-number <no>', '中心办件编号')
    .action(async (caseId: string, opts: { outcome: ResultOutcome; ready?: boolean; items: string; delivery: DeliveryMethod; note?: string; centralNumber?: string }, cmd: Command) => {
      const items = parseResultItems(opts.items);
      if (opts.ready && items.length === 0) throw new CliError('已制证（--ready）时请用 --items 写明要交给申请人的物品，如 "营业执照正本,营业执照副本"。', 2);
      const { recordCaseResult } = await import('../../../central/store/results');
      const cursor = await withStore(cmd, (s) =>
        recordCaseResult(s.db, { caseId, outcome: opts.outcome, ready: Boolean(opts.ready), items, delivery: opts.delivery, note: opts.note, centralCaseNumber: opts.centralNumber }),
      );
      process.stdout.write(`${cursor}\n`);
    });
  result
    .command('demo')
    .description('为尚无结果的办件生成演示结果（已制证，窗口领取；每五件一件不予许可）')
    .option('--hall <code>', '只处理该大厅')
    .action(async (opts: { hall?: string }, cmd: Command) => {
      const { seedDemoResults } = await import('../../../central/demo-results');
      const n = await withStore(cmd, (s) => seedDemoResults(s.db, { hall: opts.hall }));
      process.stdout.write(`${n}\n`);
    });
}
