import type { Command } from 'commander';
import { notAvailable } from '../util';

export function register(program: Command): void {
  const devices = program.command('devices').description('读卡器、扫码枪与评价器（devices）');
  devices.command('list').description('列出串口与已知设备').option('--json', 'JSON 输出').action(notAvailable('devices list'));
}
