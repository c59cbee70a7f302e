import type { Command } from 'commander';
import { withRouter } from '../app';
import { printJson, wantsJson } from '../util';

export function register(program: Command): void {
  const calendar = program.command('calendar').description('工作日历（working days）');
  calendar
    .command('add-workdays <date> <n>')
    .description('从 DATE 起加 N 个工作日，打印 YYYY-MM-DD（含本窗口数据库中中心平台下发的调整）')
    .option('--json', 'JSON 输出')
    .action(async (date: string, n: string, _opts: unknown, cmd: Command) => {
      // The bundled calendar plus the central overrides in this window's database, as the UI computes it.
      const r = await withRouter(cmd, (api) => api.call('calendar.addWorkdays', { date, n: Number(n) }));
      if (wantsJson(cmd)) printJson(r);
      else process.stdout.write(`${r.date}\n`);
    });
}
