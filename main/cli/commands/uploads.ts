import type { Command } from 'commander';
import type { UploadsStatus } from '../../../common/contract/uploads';
import { withRouter } from '../app';
import { printJson, wantsJson } from '../util';

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const STATES: Record<UploadsStatus['state'], string> = {
  unenrolled: '未注册（材料文件留在本机）',
  idle: '已全部上传',
  uploading: '上传中',
  pending: '待上传',
  retrying: '部分失败，等待重试',
  offline: '中心平台不可达，已暂停',
};

function print(s: UploadsStatus): void {
  const lines = [
    `材料上传：${STATES[s.state]}；待上传 ${s.pendingBlobs} 个文件（${mb(s.pendingBytes)}）；失败待重试 ${s.failing}`,
    ...(s.current ? [`正在上传：${s.current.sha256.slice(0, 12)}…（${s.current.caseId} / ${s.current.materialCode}）${mb(s.current.sent)} / ${mb(s.current.total)}`] : []),
    `当前错误：${s.lastError ?? '无'}${s.nextRetryAt ? `；下次重试 ${s.nextRetryAt}` : ''}`,
    ...s.blobs.map((b) => `  ${b.sha256.slice(0, 12)}… ${b.caseId} ${b.materialCode} ${mb(b.ackedBytes)}/${mb(b.size)}${b.attempts ? ` 已试 ${b.attempts} 次` : ''}${b.lastError ? ` — ${b.lastError}` : ''}`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

/** `yichuang uploads status|retry`: material files waiting for the central (through the router). */
export function register(program: Command): void {
  const uploads = program.command('uploads').description('材料文件上传到中心平台（tus 断点续传）');
  uploads
    .command('status')
    .description('待上传的材料文件、进度、错误与下次重试时间')
    .option('--json', 'JSON 输出')
    .action(async (_o: unknown, cmd: Command) => {
      const s = await withRouter(cmd, (api) => api.call('uploads.status', undefined));
      if (wantsJson(cmd)) printJson(s);
      else print(s);
    });
  uploads
    .command('retry')
    .description('让所有待上传文件立即重试（清零失败次数）')
    .option('--json', 'JSON 输出')
    .action(async (_o: unknown, cmd: Command) => {
      const r = await withRouter(cmd, (api) => api.call('uploads.retry', undefined));
      if (wantsJson(cmd)) return printJson(r);
      process.stdout.write(`已安排 ${r.due} 个文件立即重试（一窗运行时的下一轮上传即开始）。\n`);
      print(r.status);
    });
}
