import type { Command } from 'commander';
import type { HandoverCase } from '../../../common/contract/handover';
import { withRouter } from '../app';
import { CliError, parsePositiveInt, printJson, wantsJson } from '../util';

/** A case number as typed, or the case id (`--id`). */
const refOf = (c: string, opts: { id?: boolean }) => (opts.id ? { caseId: c } : { caseNumber: c });

function printCase(cmd: Command, h: HandoverCase): void {
  if (wantsJson(cmd)) return printJson(h);
  const lines = [`${h.caseNumber ?? h.caseId}\t${h.stageLabel}\t${h.itemName}`, `申请人：${h.applicantName ?? '—'}${h.agent ? `；经办人：${h.agent.name}` : ''}`];
  if (h.result) {
    lines.push(`办理结果：${h.result.outcomeLabel}；送达方式：${h.result.deliveryLabel}${h.daysWaiting !== null ? `；已等待 ${h.daysWaiting} 天` : ''}`);
    if (h.result.items.length) lines.push(`领取物品：${h.result.items.map((i) => `${i.name}×${i.count}`).join('、')}`);
  }
  if (h.handover)
    lines.push(
      h.handover.method === 'post'
        ? `已邮寄：${h.handover.carrier} ${h.handover.trackingNumber}（${h.handover.at}，${h.handover.clerkName}）`
        : `已领取：${h.handover.collectorLabel}${h.handover.overrideReason ? `（${h.handover.overrideReason}）` : ''}（${h.handover.at}，${h.handover.clerkName}）`,
    );
  process.stdout.write(lines.join('\n') + '\n');
}

/** `yichuang handover …`: 出件 through the router as the local maintenance caller (audited like the window). */
export function register(program: Command): void {
  const handover = program.command('handover').description('出件（result handover）：待领取、领取确认、邮寄');
  handover
    .command('list')
    .description('待领取：已制证、尚未领取或邮寄的办件，附等待天数')
    .option('--hall', '全厅（各窗口，来自中心平台；需联网）')
    .option('--q <text>', '办件号（或其中一段）')
    .option('--min-days <n>', '只列等待至少 N 天的')
    .option('--json', 'JSON 输出（每行一个对象）')
    .action(async (opts: { hall?: boolean; q?: string; minDays?: string }, cmd: Command) => {
      const minDays = opts.minDays === undefined ? undefined : parsePositiveInt(opts.minDays, '--min-days');
      const r = await withRouter(cmd, (api) => api.call('handover.list', { scope: opts.hall ? 'hall' : 'window', q: opts.q, minDays }));
      for (const row of r.rows) {
        if (wantsJson(cmd)) printJson(row);
        else
          process.stdout.write(
            `${row.caseNumber ?? '—'}\t${row.window}\t${row.outcomeLabel}\t${row.itemName}\t${row.items.map((i) => `${i.name}×${i.count}`).join('、')}\t等待 ${row.daysWaiting} 天\n`,
          );
      }
      if (r.more) process.stderr.write(`只显示了前 ${r.rows.length} 条。\n`);
    });
  handover
    .command('show')
    .description('办件的办理结果与应交付物品')
    .argument('<case>', '办件号（或 --id 时为办件 ID）')
    .option('--id', '参数是办件 ID')
    .option('--json', 'JSON 输出')
    .action(async (c: string, opts: { id?: boolean }, cmd: Command) => printCase(cmd, await withRouter(cmd, (api) => api.call('handover.find', refOf(c, opts)))));
  handover
    .command('confirm')
    .description('确认领取：核对领取人证件号码与申请人/经办人一致；或 --override-reason 核准代领（记入审计）')
    .argument('<case>', '办件号（或 --id 时为办件 ID）')
    .option('--id', '参数是办件 ID')
    .option('--id-number <no>', '领取人证件号码（与受理时登记的申请人或经办人核对，只比较密钥哈希）')
    .option('--override-reason <text>', '核准代领的理由，如“委托领取，已核对授权委托书原件”')
    .option('--json', 'JSON 输出')
    .action(async (c: string, opts: { id?: boolean; idNumber?: string; overrideReason?: string }, cmd: Command) => {
      if (!opts.idNumber && !opts.overrideReason) throw new CliError('请用 --id-number 给出领取人证件号码，或用 --override-reason 写明核准代领的理由。', 2);
      const h = await withRouter(cmd, async (api) => {
        const { caseId } = await api.call('handover.find', refOf(c, opts));
        return api.call('handover.confirm', { caseId, idNumber: opts.idNumber, overrideReason: opts.overrideReason });
      });
      printCase(cmd, h);
    });
  handover
    .command('post')
    .description('邮寄出件：登记快递公司和运单号')
    .argument('<case>', '办件号（或 --id 时为办件 ID）')
    .option('--id', '参数是办件 ID')
    .requiredOption('--tracking <no>', '运单号')
    .option('--carrier <name>', '快递公司', '中国邮政 EMS')
    .option('--json', 'JSON 输出')
    .action(async (c: string, opts: { id?: boolean; tracking: string; carrier: string }, cmd: Command) => {
      const h = await withRouter(cmd, async (api) => {
        const { caseId } = await api.call('handover.find', refOf(c, opts));
        return api.call('handover.post', { caseId, carrier: opts.carrier, trackingNumber: opts.tracking });
      });
      printCase(cmd, h);
    });
}
