import { afterEach } from 'vitest';
import { SimulatedReader } from './simulated-reader';

/** Tests only: simulated readers (and drivers) a test starts, closed after each test, newest first. */
export function useSimulatedReaders() {
  const running: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    for (const r of running.splice(0).reverse()) await r.close();
  });
  const track = <T extends { close(): Promise<void> }>(x: T): T => (running.push(x), x);
  return { track, sim: async (opts: Parameters<typeof SimulatedReader.start>[0]) => track(await SimulatedReader.start(opts)) };
}
