import type { Command } from 'commander';
import { notAvailable } from '../util';

export function register(program: Command): void {
  const diag = program.command('diag').description('诊断（diagnostics）');
  diag.command('export <file>').description('导出脱敏的诊断包（zip）').action(notAvailable('diag export'));
}
