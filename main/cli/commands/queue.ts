import type { Command } from 'commander';
import type { QueueView } from '../../../common/contract/queue';
import { withRouter } from '../app';
import { printJson, wantsJson } from '../util';

function show(cmd: Command, v: QueueView): void {
  if (wantsJson(cmd)) return printJson(v);
  const link = v.driver === 'none' ? '未接入叫号（直接接待）' : v.online ? `${v.driver === 'http' ? '排队系统' : '叫号器'}在线` : `离线：${v.reason ?? ''}`;
  const cur = v.current ? `当前 ${v.current.number}（${v.current.queue}，等候 ${v.current.waitSeconds ?? '?'} 秒，重呼 ${v.current.recalls} 次，办件 ${v.current.caseCount}）` : '当前无号';
  process.stdout.write(`${link}\n${cur}\n等候 ${v.waiting ?? '-'} 人${v.paused ? '，已暂停服务' : ''}\n今日 已服务 ${v.today.served}，过号 ${v.today.passed}，转窗 ${v.today.transferred}\n`);
}

/** `yichuang queue …`: this window's queue calls, through the router as 本机运维 (audited). */
export function register(program: Command): void {
  const queue = program.command('queue').description('叫号：本窗口的排队叫号（queue calling）');
  const simple = [
    ['status', '显示本窗口叫号状态', 'queue.status'],
    ['next', '下一位：叫下一个号', 'queue.next'],
    ['recall', '重呼当前号', 'queue.recall'],
    ['pass', '过号：当前号未到', 'queue.pass'],
    ['pause', '暂停服务', 'queue.pause'],
    ['resume', '恢复服务', 'queue.resume'],
  ] as const;
  for (const [name, description, method] of simple)
    queue
      .command(name)
      .description(description)
      .option('--json', 'JSON 输出')
      .action(async (_o: unknown, cmd: Command) => show(cmd, await withRouter(cmd, (api) => api.call(method, undefined))));
  queue
    .command('transfer')
    .description('转窗：把当前号转到另一个窗口或队列')
    .option('--window <code>', '转入的窗口编码')
    .option('--queue <code>', '转入的队列编码')
    .option('--json', 'JSON 输出')
    .action(async (o: { window?: string; queue?: string }, cmd: Command) =>
      show(cmd, await withRouter(cmd, (api) => api.call('queue.transfer', { ...(o.window && { toWindow: o.window }), ...(o.queue && { toQueue: o.queue }) }))),
    );
  queue
    .command('hall')
    .description('全厅各窗口的当前号和等候人数（主管）')
    .option('--json', 'JSON 输出')
    .action(async (_o: unknown, cmd: Command) => {
      const h = await withRouter(cmd, (api) => api.call('queue.hall', undefined));
      if (wantsJson(cmd)) return printJson(h);
      for (const w of h.windows) process.stdout.write(`${w.window === h.window ? '*' : ' '} ${w.window.padEnd(8)} ${(w.current ?? '—').padEnd(8)} 可叫 ${w.waiting}${w.paused ? ' 暂停' : ''}\n`);
      for (const q of h.queues) process.stdout.write(`队列 ${q.queue}：等候 ${q.waiting}\n`);
    });
}
