import type { Command } from 'commander';
import type { AppointmentView } from '../../../common/contract/appointments';
import { withRouter } from '../app';
import { CliError, parsePositiveInt, printJson, wantsJson } from '../util';

const STATUS_LABEL: Record<AppointmentView['status'], string> = { booked: '待到', checked_in: '已到号', no_show: '未到', cancelled: '已取消' };

/** One line per appointment; personal data stays masked (the router's view). */
function printLine(a: AppointmentView): void {
  const state = a.noShow ? '未到（爽约）' : STATUS_LABEL[a.status];
  const late = a.arrival?.kind === 'late' ? `  已过时段 ${a.arrival.minutes} 分钟` : '';
  process.stdout.write(`${a.code}\t${a.date} ${a.slotStart}-${a.slotEnd}\t${a.windowCode ?? '*'}\t${a.name}\t${a.itemName || a.itemCode}\t${state}${late}\n`);
}

/** `yichuang appointments today|list|pull`: the window's appointments (预约) through the router. */
export function register(program: Command): void {
  const group = program.command('appointments').description('预约到号（appointments）');
  group
    .command('today')
    .description('今天的预约（本大厅）')
    .option('--json', 'JSON 输出')
    .action(async (_o: unknown, cmd: Command) => {
      const day = await withRouter(cmd, (api) => api.call('appointments.today', undefined));
      if (wantsJson(cmd)) return printJson(day);
      for (const a of day.appointments) printLine(a);
      const c = day.counts;
      process.stderr.write(`${day.date}：共 ${c.total} 条，待到 ${c.booked}，已到号 ${c.checkedIn}，未到 ${c.noShow}，已取消 ${c.cancelled}\n`);
    });
  group
    .command('list')
    .description('某段日期的预约')
    .option('--from <yyyy-mm-dd>', '起始日期（默认今天）')
    .option('--to <yyyy-mm-dd>', '截止日期（默认同起始日期）')
    .option('--status <s>', '只列某状态：booked|checked_in|no_show|cancelled（可用逗号分隔多个）')
    .option('--limit <n>', '最多条数（默认 500）')
    .option('--json', 'JSON 输出')
    .action(async (o: { from?: string; to?: string; status?: string; limit?: string }, cmd: Command) => {
      const status = o.status?.split(',').map((x) => x.trim()).filter(Boolean);
      const limit = o.limit === undefined ? 500 : parsePositiveInt(o.limit, '--limit');
      const r = await withRouter(cmd, (api) => api.call('appointments.list', { from: o.from, to: o.to, status: status as never, limit }));
      if (wantsJson(cmd)) return printJson(r);
      for (const a of r.appointments) printLine(a);
      if (r.truncated) process.stderr.write(`只列出前 ${limit} 条；用 --limit 列出更多。\n`);
    });
  group
    .command('pull')
    .description('立即从中心平台拉取本大厅的预约变化')
    .option('--json', 'JSON 输出')
    .action(async (_o: unknown, cmd: Command) => {
      const r = await withRouter(cmd, (api) => api.call('appointments.pull', undefined)).catch((err: unknown) => {
        throw err instanceof CliError ? err : new CliError((err as Error).message, 1);
      });
      if (wantsJson(cmd)) return printJson(r);
      process.stdout.write(`已拉取 ${r.pulled} 条变化（游标 ${r.cursor}），今天共 ${r.today} 条预约。\n`);
    });
}
