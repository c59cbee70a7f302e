import fs from 'node:fs';
import path from 'node:path';
import { DeviceKindRegistry, DeviceManager, type DeviceEventMap, type TypedEmitter } from '../native/devices';
import { openPtyLink, type PtyLink } from '../native/scanner/sim/pty-link';
import { lineCardKind } from '../main/ops/device-service/fixtures/line-card-kind';
import { nodeForkLauncher } from '../main/ops/device-service/launcher';
import { DeviceServiceSupervisor } from '../main/ops/device-service/supervisor';
import { bundleDeviceService } from '../main/ops/device-service/test-bundle';
import { percentile } from './stats';
import type { Bench } from './types';

const ROUNDS = 150;

/** One card, pty write → `card` event in main, in ms. */
async function readOnce(link: PtyLink, events: TypedEmitter<DeviceEventMap>, i: number): Promise<number> {
  const id = `1101051949123${String(i % 10000).padStart(4, '0')}X`;
  const got = events.once('card', (c) => c.reading.card.idNumber === id);
  const t = performance.now();
  link.write(Buffer.from(`CARD ${id}\n`));
  await got;
  return performance.now() - t;
}

async function connected(events: TypedEmitter<DeviceEventMap>, start: () => unknown): Promise<void> {
  const ok = events.once('status', (s) => s.state === 'connected');
  await start();
  await ok;
}

/**
 * What running device I/O in the device-service process costs a card read: the same reader driver
 * on two ptys, one in-process (baseline) and one behind the process boundary, read alternately.
 */
export const bench: Bench = {
  name: 'device-ipc',
  async run() {
    const bundle = await bundleDeviceService(path.join(import.meta.dirname, '..', 'main', 'ops', 'device-service', 'fixtures', 'line-card-kind.ts'));
    const [ptyA, ptyB] = await Promise.all([openPtyLink(), openPtyLink()]);
    const registry = new DeviceKindRegistry();
    registry.register(lineCardKind);
    const local = new DeviceManager({ registry, listPorts: async () => [] });
    const remote = new DeviceServiceSupervisor({ launch: nodeForkLauncher(bundle.entry), env: { YICHUANG_DEVICE_KINDS: bundle.kinds } });
    try {
      await local.configure([{ id: 'idcard-1', kind: 'idcard', port: ptyA.path }]);
      await connected(local.events, () => local.start());
      await remote.launch();
      await remote.configure([{ id: 'idcard-1', kind: 'idcard', port: ptyB.path }]);
      await connected(remote.events, () => remote.start());
      for (let i = 0; i < 10; i++) {
        await readOnce(ptyA, local.events, i);
        await readOnce(ptyB, remote.events, i);
      }
      const inProcess: number[] = [];
      const viaService: number[] = [];
      const echo: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        inProcess.push(await readOnce(ptyA, local.events, i));
        viaService.push(await readOnce(ptyB, remote.events, i));
        const t = performance.now();
        await remote.echo({ i });
        echo.push(performance.now() - t);
      }
      const p50Local = percentile(inProcess, 50);
      const p50Remote = percentile(viaService, 50);
      return [
        {
          bench: 'device-ipc',
          ratio: p50Remote / p50Local,
          baseline: 'the same card read with the DeviceManager in-process (same run, p50)',
          goal: 'added_ms well under a card read (GA 467 read ≈ 0.5–1 s)',
          in_process_p50_ms: p50Local,
          via_service_p50_ms: p50Remote,
          via_service_p99_ms: percentile(viaService, 99),
          added_p50_ms: p50Remote - p50Local,
          echo_round_trip_p50_ms: percentile(echo, 50),
          echo_round_trip_p99_ms: percentile(echo, 99),
          rounds: ROUNDS,
        },
      ];
    } finally {
      await remote.stop();
      await local.stop();
      await Promise.all([ptyA.close(), ptyB.close()]);
      fs.rmSync(bundle.dir, { recursive: true, force: true });
    }
  },
};
