import fs from 'node:fs';
import path from 'node:path';
import { DeviceKindRegistry, DeviceManager, type DeviceEventMap, type TypedEmitter } from '../native/devices';
import { idCardKind } from '../native/idcard/kind';
import { SimulatedReader } from '../native/idcard/simulated-reader';
import { demoCard } from '../native/idcard/standalone';
import { openPtyLink, type PtyLink } from '../native/scanner/sim/pty-link';
import { lineCardKind } from '../main/devices/service/fixtures/line-card-kind';
import { nodeForkLauncher } from '../main/devices/service/launcher';
import { DeviceServiceSupervisor } from '../main/devices/service/supervisor';
import { bundleDeviceService } from '../main/devices/service/testing';
import { percentile } from './stats';
import type { Bench } from './types';

const ROUNDS = 150;
const CARD_ROUNDS = 20;

/** One card, pty write → `card` event in main, in ms. */
async function readOnce(link: PtyLink, events: TypedEmitter<DeviceEventMap>, i: number): Promise<number> {
  const id = `1101051949123${String(i % 10000).padStart(4, '0')}X`;
  const got = events.once('card', (c) => c.reading.card.idNumber === id);
  const t = performance.now();
  link.write(Buffer.from(`CARD ${id}\n`));
  await got;
  return performance.now() - t;
}

/** One real GA 467 read on the simulator: card placed → `card` event in main, in ms; then removed. */
async function idcardReadOnce(sim: SimulatedReader, events: TypedEmitter<DeviceEventMap>): Promise<number> {
  const got = events.once('card');
  const t = performance.now();
  sim.placeCard(demoCard('resident'));
  await got;
  const ms = performance.now() - t;
  // Off the reader until two finds have come back empty: the next placement is a new card.
  let finds = 0;
  const empty = new Promise<void>((resolve) => {
    const off = sim.sim.events.on('command', (c) => {
      if (c.cmd === 0x20 && ++finds === 2) {
        off();
        resolve();
      }
    });
  });
  sim.placeCard(null);
  await empty;
  return ms;
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
    const fixtures = path.join(import.meta.dirname, '..', 'main', 'devices', 'service', 'fixtures');
    const lineBundle = await bundleDeviceService(path.join(fixtures, 'line-card-kind.ts'));
    const idcardBundle = await bundleDeviceService(path.join(fixtures, 'idcard-kinds.ts'));
    const bundle = { ...lineBundle, idcardKinds: idcardBundle.kinds };
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
        await remote.remote.echo({ i });
        echo.push(performance.now() - t);
      }
      const cardLocal: number[] = [];
      const cardRemote: number[] = [];
      await measureIdcard(bundle, cardLocal, cardRemote);
      const p50Local = percentile(inProcess, 50);
      const p50Remote = percentile(viaService, 50);
      return [
        {
          bench: 'device-ipc',
          ratio: p50Remote / p50Local,
          baseline: 'the same card read with the DeviceManager in-process (same run, p50)',
          goal: 'added_p50_ms well under a card read (see device-ipc-idcard)',
          in_process_p50_ms: p50Local,
          via_service_p50_ms: p50Remote,
          via_service_p99_ms: percentile(viaService, 99),
          added_p50_ms: p50Remote - p50Local,
          echo_round_trip_p50_ms: percentile(echo, 50),
          echo_round_trip_p99_ms: percentile(echo, 99),
          rounds: ROUNDS,
        },
        {
          bench: 'device-ipc-idcard',
          ratio: percentile(cardRemote, 50) / percentile(cardLocal, 50),
          baseline: 'the same GA 467 card read (simulator on a pty, 115200 baud) with the DeviceManager in-process (same run, p50)',
          goal: '≈ 1 (the process boundary adds about one message to a read)',
          in_process_p50_ms: percentile(cardLocal, 50),
          via_service_p50_ms: percentile(cardRemote, 50),
          added_p50_ms: percentile(cardRemote, 50) - percentile(cardLocal, 50),
          rounds: CARD_ROUNDS,
        },
      ];
    } finally {
      await remote.stop();
      await local.stop();
      await Promise.all([ptyA.close(), ptyB.close()]);
      fs.rmSync(lineBundle.dir, { recursive: true, force: true });
      fs.rmSync(idcardBundle.dir, { recursive: true, force: true });
    }
  },
};

/** Real ID card reads, alternating between an in-process manager and the device service. */
async function measureIdcard(bundle: Awaited<ReturnType<typeof bundleDeviceService>> & { idcardKinds: string }, local: number[], remote: number[]): Promise<void> {
  const [simA, simB] = await Promise.all([SimulatedReader.start(), SimulatedReader.start()]);
  const registry = new DeviceKindRegistry();
  registry.register(idCardKind({ pollIntervalMs: 10 }));
  const manager = new DeviceManager({ registry, listPorts: async () => [] });
  const service = new DeviceServiceSupervisor({ launch: nodeForkLauncher(bundle.entry), env: { YICHUANG_DEVICE_KINDS: bundle.idcardKinds } });
  try {
    await manager.configure([{ id: 'reader', kind: 'idcard', port: simA.path }]);
    await connected(manager.events, () => manager.start());
    await service.configure([{ id: 'reader', kind: 'idcard', port: simB.path }]);
    await connected(service.events, () => service.start());
    await idcardReadOnce(simA, manager.events);
    await idcardReadOnce(simB, service.events);
    for (let i = 0; i < CARD_ROUNDS; i++) {
      local.push(await idcardReadOnce(simA, manager.events));
      remote.push(await idcardReadOnce(simB, service.events));
    }
  } finally {
    await service.stop();
    await manager.stop();
    await Promise.all([simA.close(), simB.close()]);
  }
}
