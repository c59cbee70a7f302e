import type { QueueView } from '../common/contract/queue';
import type { EventPayload } from '../common/contract';
import { encodeFrame, frameLength } from '../native/queue-caller/frame';
import { calledFrame, commandFrame, STATUS } from '../native/queue-caller/messages';
import { CallerSimulator } from '../native/queue-caller/sim/caller-simulator';
import { wireMs } from '../native/serial/serial-link';
import type { Opened } from '../main/app/testing';
import { ok, queueApp, testQueueServer, until } from '../main/app/testing/queue';
import { percentile } from './stats';
import type { Bench, BenchResult } from './types';

const ROUNDS = 40;

/** queue.next through the router until the `queue.state` event that shows the called ticket (what the bar renders from). */
async function callToShown(app: Awaited<ReturnType<typeof queueApp>>, issue: () => void): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    issue();
    const t0 = performance.now();
    // The event is published inside the call (before it returns): keep every one with its time.
    const seen: Array<{ at: number; number: string | null }> = [];
    const off = app.services.events.subscribe((name, p) => {
      if (name === 'queue.state') seen.push({ at: performance.now(), number: (p as EventPayload<'queue.state'>).current?.number ?? null });
    });
    const v = ok<QueueView>(await app.invoke('queue.next', undefined));
    off();
    const shown = seen.find((e) => e.number === v.current!.number);
    if (!shown) throw new Error(`no queue.state showed ${v.current!.number}`);
    times.push(shown.at - t0);
  }
  return times;
}

export const bench: Bench = {
  name: 'queue-call',
  async run(): Promise<BenchResult[]> {
    const opened: Opened = [];
    try {
      // Serial caller at 9600 baud, the simulator pacing its bytes like a real line.
      const sim = await CallerSimulator.start({ addr: 1, baud: 9600 });
      opened.push(sim);
      const app = await queueApp(opened);
      ok(await app.invoke('devices.configure', { devices: [{ id: 'caller-1', kind: 'queueCaller', port: sim.path }] }));
      app.services.settings.update({ queue: { driver: 'serial', callerDeviceId: 'caller-1' } });
      await until(async () => ok<QueueView>(await app.invoke('queue.status', undefined)).online);
      const serial = await callToShown(app, () => sim.issue('A'));
      // The physical floor: the call frame out and the answer frame back, 10 bits a byte at 9600.
      const callBytes = encodeFrame(commandFrame(1, { type: 'callNext' })).length;
      const answerBytes = encodeFrame(calledFrame(1, STATUS.ok, 0, { ticket: 'A001', queue: 'A', waiting: 0, waitedSec: 0 })).length;
      const wire = wireMs(callBytes + answerBytes, 9600);

      const server = await testQueueServer(opened);
      app.services.settings.update({ queue: { driver: 'http', url: server.url } });
      await until(async () => ok<QueueView>(await app.invoke('queue.status', undefined)).driver === 'http');
      const http = await callToShown(app, () => server.state.issue('B'));
      const p50 = percentile(serial, 50);
      return [
        {
          bench: 'queue-call-serial',
          ratio: p50 / wire,
          baseline: `wire time of the call + answer frames at 9600 baud 8N1 (${callBytes}+${answerBytes} bytes × 10 bits = ${wire.toFixed(1)} ms), same run`,
          goal: 'ratio near 1: call-next → ticket shown costs little beyond the line',
          p50_ms: p50,
          p95_ms: percentile(serial, 95),
          wire_ms: wire,
          frame_bytes: frameLength(0),
          rounds: ROUNDS,
        },
        {
          bench: 'queue-call-http',
          ratio: percentile(http, 50) / wire,
          baseline: 'the same 9600-baud wire time (the HTTP queue service on 127.0.0.1 has no line to wait for)',
          p50_ms: percentile(http, 50),
          p95_ms: percentile(http, 95),
          rounds: ROUNDS,
        },
      ];
    } finally {
      for (const o of opened.reverse()) await o.close();
    }
  },
};
