import type { Command } from 'commander';
import type { Database } from '../../db/database';
import { withRouter } from '../app';
import { CliError, dataDirOf, parsePositiveInt, printJson, wantsJson } from '../util';

/** Read-only, without the writer lock: works while the app runs (the router needs a whole app, which writes). */
async function withReadOnly<T>(cmd: Command, fn: (db: Database['db']) => Promise<T>): Promise<T> {
  const { openForReading } = await import('../../db/read-only');
  const database = await openForReading(dataDirOf(cmd));
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

async function withDb<T>(cmd: Command, fn: (db: Database) => Promise<T>): Promise<T> {
  const { openDatabase } = await import('../../db/database');
  const database = await openDatabase(dataDirOf(cmd));
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** Batch size for scripts and tests: `YICHUANG_SYNC_BATCH=items[,bytes]`. */
function batchFromEnv(): { maxItems?: number; maxBytes?: number } {
  const [items, bytes] = (process.env.YICHUANG_SYNC_BATCH ?? '').split(',').map(Number);
  return { ...(items ? { maxItems: items } : {}), ...(bytes ? { maxBytes: bytes } : {}) };
}

export function register(program: Command): void {
  program
    .command('enroll')
    .description('用一次性注册码把本窗口注册到中心平台')
    .requiredOption('--central <url>', '中心平台地址')
    .requiredOption('--code <code>', '一次性注册码')
    .option('--json', 'JSON 输出')
    .action(async (opts: { central: string; code: string }, cmd: Command) => {
      const r = await withRouter(cmd, (api) => api.call('sync.enroll', { centralUrl: opts.central, code: opts.code })).catch((err: unknown) => {
        throw err instanceof CliError ? new CliError(`注册失败：${err.message}`, err.exitCode) : err;
      });
      if (wantsJson(cmd)) printJson(r);
      else process.stdout.write(`已注册：大厅 ${r.hall}，窗口 ${r.window}，设备 ${r.deviceId}（${r.centralUrl}）\n`);
    });
  const sync = program.command('sync').description('与中心平台同步（sync）');
  sync
    .command('run')
    .description('同步一次；--until-empty 一直重试直到待发队列为空')
    .option('--until-empty', '直到待发队列为空才退出')
    .option('--timeout <s>', '最长秒数')
    .option('--json', 'JSON 输出')
    .action(async (opts: { untilEmpty?: boolean; timeout?: string }, cmd: Command) => {
      const deadline = opts.timeout !== undefined ? Date.now() + parsePositiveInt(opts.timeout, '--timeout') * 1000 : undefined;
      const json = wantsJson(cmd);
      const [{ SyncEngine }, { backoffFromEnv }, { openOnlyCipher }] = await Promise.all([
        import('../../sync/engine'),
        import('../../sync/backoff'),
        import('../../crypto/open-only-cipher'),
      ]);
      const status = await withDb(cmd, async (d) => {
        const engine = new SyncEngine({
          db: d.db,
          backoff: backoffFromEnv(),
          batch: batchFromEnv(),
          recheckLookups: false,
          // The applicants the app sealed are opened on the way out, as in the app.
          pii: openOnlyCipher(dataDirOf(cmd)),
          onProgress: (p) => {
            if (!json) process.stderr.write(`\r上传 ${p.done}/${p.total}${p.parked ? `（搁置 ${p.parked}）` : ''}`);
          },
        });
        const r = opts.untilEmpty ? await engine.runUntilEmpty({ deadline }) : await engine.runOnce();
        if (!json) process.stderr.write('\n');
        return { result: r, status: await engine.status() };
      });
      if (json) printJson({ ok: status.result.ok, ...status.status });
      else
        process.stdout.write(
          `待发 ${status.status.pending}，搁置 ${status.status.parked}，上次上传 ${status.status.lastPushAt ?? '—'}，上次下载 ${status.status.lastPullAt ?? '—'}\n`,
        );
      if (!status.result.ok) throw new CliError(`同步未完成：${status.result.error}`, 1);
      const { pending, parked } = status.status;
      if (opts.untilEmpty && (pending > 0 || parked > 0))
        throw new CliError(`待发队列未清空：${parked} 条被中心平台拒收而搁置，${pending} 条排在其后等待（yichuang sync parked 查看原因）。`, 1);
    });
  sync
    .command('status')
    .description('同步状态')
    .option('--json', 'JSON 输出')
    .action(async (_o: unknown, cmd: Command) => {
      const { readSyncStatus } = await import('../../sync/status');
      const s = await withReadOnly(cmd, (db) => readSyncStatus(db));
      if (wantsJson(cmd)) return printJson(s);
      const lines = [
        `中心平台：${s.centralUrl ?? '未注册'}${s.hall ? `（大厅 ${s.hall}，窗口 ${s.window}）` : ''}`,
        `待发：${s.pending}${s.backlogAgeSeconds !== null ? `（最早 ${Math.round(s.backlogAgeSeconds / 60)} 分钟前）` : ''}；搁置：${s.parked}；待核验查询：${s.lookupsQueued}`,
        `上次上传：${s.lastPushAt ?? '—'}；上次下载：${s.lastPullAt ?? '—'}`,
        `当前错误：${s.lastError ?? '无'}${s.nextRetryAt ? `；下次重试 ${s.nextRetryAt}` : ''}`,
        `时钟偏差：${s.clockSkewMs === null ? '—' : `${Math.round(s.clockSkewMs / 1000)} 秒`}`,
      ];
      process.stdout.write(lines.join('\n') + '\n');
    });
  sync
    .command('parked')
    .description('列出被中心平台拒收而搁置的记录')
    .option('--json', 'JSON 输出')
    .action(async (_o: unknown, cmd: Command) => {
      const { listParked } = await import('../../sync/status');
      const rows = await withReadOnly(cmd, (db) => listParked(db));
      if (wantsJson(cmd)) return printJson(rows);
      for (const r of rows) process.stdout.write(`#${r.seq} ${r.kind} ${r.aggregateId}：${r.reason}\n`);
      if (rows.length === 0) process.stdout.write('没有搁置的记录。\n');
    });
  sync
    .command('retry-parked')
    .description('把搁置的记录放回待发队列（问题解决后）')
    .option('--seq <n...>', '只放回这些序号')
    .action(async (opts: { seq?: string[] }, cmd: Command) => {
      const seqs = opts.seq?.map((s) => parsePositiveInt(s, '--seq'));
      const { requeued } = await withRouter(cmd, (api) => api.call('sync.retryParked', { seqs }));
      process.stdout.write(`已放回 ${requeued} 条。\n`);
    });
}
