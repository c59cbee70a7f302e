import path from 'node:path';
import type { Command } from 'commander';
import { CliError, dataDirOf, printJson, wantsJson } from '../util';

export function register(program: Command): void {
  const db = program.command('db').description('本地数据库（local database）');
  db.command('check')
    .description('完整性检查并报告计数')
    .option('--json', 'JSON 输出')
    .action(async (_opts: unknown, cmd: Command) => {
      const [{ openForReading }, { checkDatabase }] = await Promise.all([import('../../db/read-only'), import('../../audit/db-check')]);
      // Read-only, no writer lock: checks while the app runs, all in one snapshot.
      const database = await openForReading(dataDirOf(cmd), { anySchema: true });
      try {
        const r = await checkDatabase(database);
        if (wantsJson(cmd)) printJson(r);
        else {
          process.stdout.write(`${r.ok ? '数据库检查通过' : '数据库检查发现问题'}：${r.file}（结构版本 ${r.schemaVersion}）\n`);
          process.stdout.write(`完整性：${r.integrity.slice(0, 5).join('; ')}；外键问题：${r.foreignKeyViolations}；重复办件号：${r.duplicateCaseNumbers}\n`);
          process.stdout.write(`审计链：${r.audit.ok ? `完整（${r.audit.entries} 条）` : r.audit.problems.map((p) => p.message).join(' ')}\n`);
          for (const [t, n] of Object.entries(r.counts)) process.stdout.write(`  ${t.padEnd(24)} ${n}\n`);
        }
        // Thrown, not process.exitCode: run.ts resets the exit code after main() resolves.
        if (!r.ok) throw new CliError('数据库检查发现问题（见上文）。请联系运维人员。', 1);
      } finally {
        await database.close();
      }
    });
  db.command('backup')
    .description('在线备份数据库到文件（默认 <数据目录>/backups/）')
    .option('--to <file>', '备份文件路径')
    .option('--json', 'JSON 输出')
    .action(async (opts: { to?: string }, cmd: Command) => {
      const [{ openForReading }, { backupDatabase, backupFileName }] = await Promise.all([import('../../db/read-only'), import('../../db/backup')]);
      const dataDir = dataDirOf(cmd);
      // The online backup only reads: it works while the app runs.
      const database = await openForReading(dataDir);
      try {
        const file = path.resolve(opts.to ?? path.join(dataDir, 'backups', backupFileName(new Date())));
        const r = await backupDatabase(database, file);
        if (wantsJson(cmd)) printJson(r);
        else process.stdout.write(`已备份到 ${r.file}（${r.bytes} 字节）\n`);
      } catch (err) {
        throw new CliError(`备份失败：${(err as Error).message}`, 1);
      } finally {
        await database.close();
      }
    });
}
