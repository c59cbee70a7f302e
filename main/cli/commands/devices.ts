import type { Command } from 'commander';
import { dataDirOf, printJson, wantsJson } from '../util';

export function register(program: Command): void {
  const devices = program.command('devices').description('读卡器、扫码枪与评价器（devices）');
  devices
    .command('list')
    .description('列出串口与已知设备')
    .option('--json', 'JSON 输出')
    .action(async (_opts: unknown, cmd: Command) => {
      let ports: Array<{ path: string; vendorId: string | null; productId: string | null; manufacturer: string | null; known: { kind: string; model: string } | null }> = [];
      let listingError: string | null = null;
      const [{ SerialPort }, { findKnownDevice, KNOWN_DEVICES, PORT_LISTING_UNAVAILABLE }, { SettingsStore }] = await Promise.all([
        import('serialport'),
        import('../../../native/devices'),
        import('../../config/settings-store'),
      ]);
      try {
        ports = (await SerialPort.list()).map((p) => {
          const known = findKnownDevice(p.vendorId, p.productId);
          return { path: p.path, vendorId: p.vendorId ?? null, productId: p.productId ?? null, manufacturer: p.manufacturer ?? null, known: known ? { kind: known.kind, model: known.model } : null };
        });
      } catch (err) {
        listingError = `${PORT_LISTING_UNAVAILABLE}：${(err as Error).message}`;
      }
      const configured = SettingsStore.load(dataDirOf(cmd), { inspectOnly: true }).get().devices;
      if (wantsJson(cmd)) return printJson({ ports, portListingError: listingError, configured, known: KNOWN_DEVICES });
      const out: string[] = ['串口：'];
      if (listingError) out.push(`  ${listingError}`);
      else if (ports.length === 0) out.push('  （没有发现串口）');
      for (const p of ports)
        out.push(`  ${p.path}  ${p.vendorId ?? '----'}:${p.productId ?? '----'}  ${p.manufacturer ?? ''}${p.known ? `  → ${p.known.model}` : ''}`);
      out.push('已配置的设备：');
      if (configured.length === 0) out.push('  （无）');
      for (const d of configured) out.push(`  ${d.id}  ${d.kind}  ${d.port}${d.baud ? `  ${d.baud} 波特` : ''}${d.model ? `  ${d.model}` : ''}`);
      out.push('已知设备（按 VID:PID 识别）：');
      for (const k of KNOWN_DEVICES) out.push(`  ${k.vendorId}:${k.productId}  ${k.kind}  ${k.model}`);
      process.stdout.write(out.join('\n') + '\n');
    });
}
