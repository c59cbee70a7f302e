import pino from 'pino';
import { createRouter } from '../main/api/router';
import type { Bench } from './types';
import { percentile } from './stats';

/** The router's own cost (validate + authorise + wrap) against calling the handler directly. */
export const bench: Bench = {
  name: 'router-overhead',
  async run() {
    const handler = () => ({ name: 'x', version: '1', dataDir: '/d', mode: 'normal' as const, transport: 'test' as const, platform: 'p', startedAt: 'now' });
    const router = createRouter({ 'app.info': handler }, pino({ level: 'silent' }));
    const N = 20_000;
    const direct: number[] = [];
    const routed: number[] = [];
    for (let i = 0; i < N; i++) {
      let t = performance.now();
      await handler();
      direct.push(performance.now() - t);
      t = performance.now();
      await router.invoke('app.info', undefined, { session: null });
      routed.push(performance.now() - t);
    }
    const sum = (a: number[]) => a.reduce((s, x) => s + x, 0);
    return [
      {
        bench: 'router-overhead',
        ratio: sum(routed) / sum(direct),
        baseline: 'calling the handler directly (same run)',
        p50_us: percentile(routed, 50) * 1000,
        p99_us: percentile(routed, 99) * 1000,
        calls: N,
      },
    ];
  },
};
