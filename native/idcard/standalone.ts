import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DriverContext } from '../devices/driver';
import { TypedEmitter } from '../devices/emitter';
import type { DeviceEventMap } from '../devices/events';
import { FrameRing } from '../devices/frame-log';
import type { IdCardReading } from './card';
import { readCardFixture, type CardFixture } from './card-fixture';
import { IdCardReader, type IdCardReaderOptions } from './reader';

/** resources/demo-cards, found by walking up from this file: sources, dist/ bundles and the packaged app alike. */
export const DEMO_CARDS_DIR = findUp(path.dirname(fileURLToPath(import.meta.url)), path.join('resources', 'demo-cards'));

function findUp(from: string, relative: string): string {
  let dir = from;
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve(from, '..', '..', relative);
}

/** Demo card fixtures by id (`resources/demo-cards/*.json`). */
export function demoCards(dir = DEMO_CARDS_DIR): CardFixture[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readCardFixture(path.join(dir, f)));
}

export function demoCard(id: string): CardFixture {
  const card = demoCards().find((c) => c.id === id);
  if (!card) throw new Error(`没有名为 ${id} 的演示卡片`);
  return card;
}

export interface StandaloneContext extends DriverContext {
  events: TypedEmitter<DeviceEventMap>;
  frames: FrameRing;
  states: string[];
}

/** A DriverContext outside the DeviceManager (CLI, tests, bench): events go to `events`. */
export function standaloneContext(portPath: string, id = 'idcard'): StandaloneContext {
  const events = new TypedEmitter<DeviceEventMap>();
  const frames = new FrameRing(100);
  const states: string[] = [];
  return {
    events,
    frames,
    states,
    device: { id, kind: 'idcard', port: portPath },
    path: portPath,
    recordFrame: (dir, bytes) => frames.push(dir, bytes),
    setState: (state, reason) => states.push(reason ? `${state}:${reason}` : state),
    emit: (name, payload) => events.emit(name, payload),
  };
}

/**
 * Open a reader, wait for one card, close. Rejects with a Chinese message on timeout or failure.
 * What `yichuang idcard read` does.
 */
export async function readOneCard(
  portPath: string,
  opts: IdCardReaderOptions & { timeoutMs: number },
): Promise<{ reading: IdCardReading; baud: number; samId: string | null }> {
  const ctx = standaloneContext(portPath);
  const reader = new IdCardReader(ctx, opts);
  const info = await reader.open();
  try {
    const reading = await new Promise<IdCardReading>((resolve, reject) => {
      const t = setTimeout(
        () => reject(new Error(`等待放卡超时（${Math.round(opts.timeoutMs / 1000)} 秒）：没有读到证件。请把证件平放在阅读器感应区后重试。`)),
        opts.timeoutMs,
      );
      ctx.events.once('card').then((e) => (clearTimeout(t), resolve(e.reading)));
      void reader.closed.then((reason) => (clearTimeout(t), reject(new Error(`阅读器连接中断：${reason}`))));
    });
    return { reading, baud: info.baud, samId: typeof info.details?.samId === 'string' ? info.details.samId : null };
  } finally {
    await reader.close();
  }
}
