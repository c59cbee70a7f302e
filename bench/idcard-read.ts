import { performance } from 'node:perf_hooks';
import type { CardReadEvent } from '../common/contract/devices';
import { InternalBus } from '../main/events/internal-bus';
import { EventBus } from '../main/events/renderer-events';
import { DeviceService } from '../main/devices/device-service';
import { DeviceLayer } from '../main/devices/service/in-process';
import { commandFrame, encodeResponse, ResponseDecoder } from '../native/idcard/codec';
import { encodeAppendedAddress } from '../native/idcard/appended-address';
import { fixtureReadData } from '../native/idcard/card-fixture';
import { xorChecksum } from '../native/idcard/frame-decoder';
import { idCardKind } from '../native/idcard/kind';
import { SimulatedReader } from '../native/idcard/simulated-reader';
import { demoCard } from '../native/idcard/standalone';
import { wireMs } from '../native/serial/serial-link';
import { percentile } from './stats';
import type { Bench, BenchResult } from './types';

const BAUD = 115200;
const ROUNDS = 40;
const POLL_MS = 10; // the reader driver's default idle between finds

/**
 * Bytes on the wire for find + select + read (30 01) + read appended address (30 03): four commands
 * and their answers. The driver reads the appended address of every card with an address; the demo
 * card has one (one 70-byte record), so its exchange is part of the read and of this baseline.
 */
function exchangeBytes(): number {
  const card = demoCard('resident');
  const appended = encodeAppendedAddress(typeof card.appendedAddress === 'string' ? [card.appendedAddress] : (card.appendedAddress ?? []));
  const commands = commandFrame('findCard').length + commandFrame('selectCard').length + commandFrame('readText').length + commandFrame('readAppendedAddress').length;
  const answers =
    encodeResponse(0x9f, new Uint8Array(4)).length +
    encodeResponse(0x90, new Uint8Array(8)).length +
    encodeResponse(0x90, fixtureReadData(card, false)).length +
    encodeResponse(appended.length ? 0x90 : 0x91, appended).length;
  return commands + answers;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Card placed on the simulated reader → `card.read` published in main, over a real pty with wire pacing. */
async function endToEnd(): Promise<BenchResult> {
  const sim = await SimulatedReader.start({ baud: BAUD });
  const bus = new EventBus();
  const internal = new InternalBus();
  const service = new DeviceService({
    backend: new DeviceLayer([idCardKind({ pollIntervalMs: POLL_MS })], { listPorts: async () => [] }),
    publish: (name: 'device.status' | 'card.read', payload: never) => (name === 'card.read' ? internal.emit(name, payload) : bus.emit(name, payload)),
    configured: () => [{ id: 'idcard-bench', kind: 'idcard', port: sim.path, baud: BAUD }],
    save: () => undefined,
    demo: null,
  });
  const card = demoCard('resident');
  const samples: number[] = [];
  const pollWaits: number[] = [];
  const exchanges: number[] = [];
  let firstFindAfter: number | null = null;
  let placedAt = Number.POSITIVE_INFINITY;
  sim.sim.events.on('command', (c) => {
    if (c.cmd === 0x20 && c.para === 0x01 && c.at >= placedAt && firstFindAfter === null) firstFindAfter = c.at;
  });
  try {
    const connected = service.events.once('status', (s) => s.state === 'connected');
    await service.start();
    await connected;
    for (let i = 0; i < ROUNDS + 3; i++) {
      sim.placeCard(null);
      await sleep(3 * POLL_MS + 10); // the driver sees the card gone (a failed find)
      await sleep(Math.random() * POLL_MS); // land anywhere in the poll cycle
      const got = new Promise<CardReadEvent>((resolve) => {
        const off = internal.on('card.read', (payload) => (off(), resolve(payload)));
      });
      firstFindAfter = null;
      const t0 = (placedAt = performance.now());
      sim.placeCard(card);
      const e = await got;
      const t1 = performance.now();
      placedAt = Number.POSITIVE_INFINITY;
      if (e.card.idNumber !== card.idNumber) throw new Error('bench read the wrong card');
      if (i < 3) continue; // the first rounds warm the JIT
      samples.push(t1 - t0);
      // Split: waiting for the next poll (a find command arriving) vs the exchange itself.
      const find: number = firstFindAfter ?? t0;
      pollWaits.push(find - t0);
      exchanges.push(t1 - find);
    }
  } finally {
    await service.stop();
    await sim.close();
  }
  const wire = wireMs(exchangeBytes(), BAUD);
  const p50 = percentile(samples, 50);
  return {
    bench: 'idcard-read',
    ratio: p50 / wire,
    baseline: `wire time of find+select+read+appended address at ${BAUD} baud (${exchangeBytes()} bytes, 10 bits/byte)`,
    goal: '≤ 1.25',
    wire_ms: wire,
    p50_ms: p50,
    p99_ms: percentile(samples, 99),
    mean_ms: samples.reduce((a, b) => a + b, 0) / samples.length,
    /** From the find that saw the card to `card.read` in main (includes the find's own wire time). */
    exchange_p50_ms: percentile(exchanges, 50),
    /** From placement to the next find command reaching the reader (the poll phase). */
    poll_wait_p50_ms: percentile(pollWaits, 50),
    poll_interval_ms: POLL_MS,
    runs: samples.length,
  };
}

/** The codec's decode throughput against the least any framing must do: one XOR pass over the bytes. */
function codecThroughput(): BenchResult {
  const frame = encodeResponse(0x90, fixtureReadData(demoCard('resident'), false));
  const count = 2000;
  const stream = new Uint8Array(frame.length * count);
  for (let i = 0; i < count; i++) stream.set(frame, i * frame.length);
  const mb = stream.length / 1e6;
  const decodeRuns: number[] = [];
  const xorRuns: number[] = [];
  let sink = 0;
  for (let r = 0; r < 7; r++) {
    const d = new ResponseDecoder();
    let t = performance.now();
    for (let off = 0; off < stream.length; off += 4096) sink += d.push(stream.subarray(off, off + 4096)).length;
    decodeRuns.push(performance.now() - t);
    t = performance.now();
    sink ^= xorChecksum(stream);
    xorRuns.push(performance.now() - t);
  }
  if (sink === 0.5) console.log(sink); // keep the work observable
  const dec = percentile(decodeRuns.slice(2), 50);
  const xor = percentile(xorRuns.slice(2), 50);
  return {
    bench: 'idcard-codec',
    ratio: dec / xor,
    baseline: 'one XOR pass over the same bytes (same run)',
    decode_mb_s: mb / (dec / 1000),
    /** How many 115200-baud lines one core could keep up with. */
    wire_multiple: mb / (dec / 1000) / (BAUD / 10 / 1e6),
    xor_mb_s: mb / (xor / 1000),
    frames: count,
    chunk_bytes: 4096,
  };
}

export const bench: Bench = {
  name: 'idcard-read',
  async run() {
    return [await endToEnd(), codecThroughput()];
  },
};
