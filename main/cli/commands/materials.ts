import type { Command } from 'commander';
import { withRouter } from '../app';
import { CliError, printJson, wantsJson } from '../util';

/** 材料电子化: a case's material files, and one of them as a PDF file (through the router; export is audited). */
export function register(program: Command): void {
  const materials = program.command('materials').description('办件材料文件（material files）');
  materials
    .command('list')
    .description('列出办件的材料文件（页数、大小、上传状态）')
    .argument('<case>', '办件号或办件 id')
    .option('--json', 'JSON 输出')
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const r = await withRouter(cmd, (api) => api.call('materials.caseFiles', { caseId: ref }));
      if (wantsJson(cmd)) return printJson(r);
      if (!r.files.length) return void process.stdout.write('该办件没有材料文件。\n');
      for (const f of r.files)
        process.stdout.write(
          `${f.materialCode.padEnd(24)} ${(f.materialName ?? '').padEnd(16)} ${String(f.pages).padStart(3)} 页 ${String(f.size).padStart(10)} B  ${f.uploadState === 'uploaded' ? '已上传' : '待上传'}  ${f.sha256}\n`,
        );
    });
  materials
    .command('export')
    .description('把办件的一份材料导出为 PDF 文件（记入审计）')
    .argument('<case>', '办件号或办件 id')
    .argument('<code>', '材料编码')
    .requiredOption('--out <file>', '输出的 PDF 文件')
    .action(async (ref: string, code: string, opts: { out: string }, cmd: Command) => {
      const fs = await import('node:fs');
      if (fs.existsSync(opts.out)) throw new CliError(`${opts.out} 已存在：请换一个文件名（不会覆盖）。`, 2);
      const r = await withRouter(cmd, (api) => api.call('materials.export', { caseId: ref, materialCode: code }));
      fs.writeFileSync(opts.out, Buffer.from(r.base64, 'base64'), { mode: 0o600, flag: 'wx' });
      process.stdout.write(`已导出 ${opts.out}：${r.pages} 页，${r.size} 字节，SHA-256 ${r.sha256}\n`);
    });
}
