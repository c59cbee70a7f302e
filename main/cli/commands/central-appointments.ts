import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { hallDate } from '../../../common/domain/hall-date';
import { CERTIFICATE_TYPE_CODES } from '../../../common/domain/certificate-types';
import { CliError, printJson, wantsJson } from '../util';
import type { openCentralStore } from '../../../central/db/open';

/** `central.ts`'s store opener (passed in: that file registers this one). */
type WithStore = <T>(cmd: Command, fn: (store: Awaited<ReturnType<typeof openCentralStore>>) => Promise<T>) => Promise<T>;

/**
 * `yichuang central appointments add|import|list`: bookings (预约) in the reference central's store,
 * standing in for the appointment service (demos, tests, pilots). Windows of the hall pull them.
 */
export function registerCentralAppointments(central: Command, withStore: WithStore): void {
  const group = central.command('appointments').description('预约（参考中心平台：登记、导入、查看）');
  group
    .command('add')
    .description('登记一条预约，打印预约码')
    .requiredOption('--hall <code>', '大厅编码')
    .option('--window <code>', '窗口编码（不填：本大厅任一窗口）')
    .requiredOption('--name <name>', '申请人姓名')
    .addOption(new Option('--cert-type <code>', '证件类型代码').choices(CERTIFICATE_TYPE_CODES).default('111'))
    .requiredOption('--id-number <no>', '证件号码')
    .option('--phone <no>', '手机号')
    .requiredOption('--item <code>', '事项实施编码')
    .option('--item-name <name>', '事项名称', '')
    .option('--date <yyyy-mm-dd>', '预约日期（默认今天）')
    .requiredOption('--slot <HH:MM-HH:MM>', '预约时段，如 09:00-09:30')
    .option('--code <code>', '预约码（默认自动生成）')
    .option('--json', 'JSON 输出')
    .action(async (o: { hall: string; window?: string; name: string; certType: string; idNumber: string; phone?: string; item: string; itemName: string; date?: string; slot: string; code?: string }, cmd: Command) => {
      const [slotStart, slotEnd] = o.slot.split('-');
      const input = {
        hall: o.hall,
        window: o.window ?? null,
        name: o.name,
        certType: o.certType,
        idNumber: o.idNumber,
        phone: o.phone ?? null,
        itemCode: o.item,
        itemName: o.itemName,
        date: o.date ?? hallDate(new Date()),
        slotStart,
        slotEnd,
        ...(o.code && { code: o.code }),
      };
      const r = await save(cmd, withStore, [input]);
      if (wantsJson(cmd)) printJson(r.appointments[0]);
      else process.stdout.write(`${r.appointments[0]!.code}\n`);
    });
  group
    .command('import')
    .description('从 JSON 文件导入预约（数组，字段同 POST /v1/admin/appointments）')
    .requiredOption('--file <path>', 'JSON 文件')
    .option('--json', 'JSON 输出')
    .action(async (o: { file: string }, cmd: Command) => {
      let list: unknown;
      try {
        list = JSON.parse(fs.readFileSync(path.resolve(o.file), 'utf8'));
      } catch (err) {
        throw new CliError(`无法读取预约文件 ${o.file}：${(err as Error).message}`, 2);
      }
      const r = await save(cmd, withStore, Array.isArray(list) ? list : (list as { appointments?: unknown[] })?.appointments ?? []);
      if (wantsJson(cmd)) printJson(r);
      else process.stdout.write(`已导入 ${r.appointments.length} 条预约（游标 ${r.cursor}）。\n`);
    });
  group
    .command('list')
    .description('某大厅某日的预约')
    .requiredOption('--hall <code>', '大厅编码')
    .option('--date <yyyy-mm-dd>', '日期（默认今天）')
    .option('--json', 'JSON 输出')
    .action(async (o: { hall: string; date?: string }, cmd: Command) => {
      const { appointmentsOn } = await import('../../../central/store/appointments');
      const list = await withStore(cmd, (s) => appointmentsOn(s.db, o.hall, o.date ?? hallDate(new Date())));
      if (wantsJson(cmd)) return printJson(list);
      for (const a of list) process.stdout.write(`${a.code}\t${a.date} ${a.slotStart}-${a.slotEnd}\t${a.window ?? '*'}\t${a.itemCode}\t${a.status}\n`);
    });
}

/** Validated like the admin route; a bad row names its field and nothing is stored. */
async function save(cmd: Command, withStore: WithStore, raw: unknown[]) {
  const [{ AdminAppointmentsRequest }, { upsertAppointments }, { describeEntryProblem, ZH_ERRORS }] = await Promise.all([
    import('../../../common/sync/api'),
    import('../../../central/store/appointments'),
    import('../../../common/sync/entries'),
  ]);
  const parsed = AdminAppointmentsRequest.safeParse({ appointments: raw }, ZH_ERRORS);
  if (!parsed.success) throw new CliError(`预约数据不对，未登记：${describeEntryProblem(parsed.error)}`, 2);
  return withStore(cmd, (s) => upsertAppointments(s.db, parsed.data.appointments));
}
