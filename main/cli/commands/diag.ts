import type { Command } from 'commander';
import { APP_VERSION } from '../../api/services';
import { CliError, dataDirOf, printJson, wantsJson } from '../util';

export function register(program: Command): void {
  const diag = program.command('diag').description('诊断（diagnostics）');
  diag
    .command('export <file>')
    .description('导出脱敏的诊断包（zip）：设置、版本、设备表、近期日志、数据库检查、同步状态')
    .option('--json', 'JSON 输出')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const { DiagPiiError, exportDiagnostics } = await import('../../ops/diag/export');
      try {
        const result = await exportDiagnostics(file, { dataDir: dataDirOf(cmd), appVersion: APP_VERSION });
        if (wantsJson(cmd)) printJson(result);
        else process.stdout.write(`诊断包已导出：${result.file}（${result.entries.length} 个文件，${result.bytes} 字节）\n${result.entries.map((e) => `  ${e}`).join('\n')}\n`);
      } catch (err) {
        if (err instanceof DiagPiiError) throw new CliError(err.message, 1);
        throw new CliError(`诊断包导出失败：${(err as Error).message}`, 1);
      }
    });
}
