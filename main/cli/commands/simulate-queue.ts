import path from 'node:path';
import { dataDirOf } from '../util';
import type { Command } from 'commander';

/** `yichuang simulate queue`: the reference hall queue service (central/queue) with a ticket machine issuing tickets. */
export async function simulateQueue(opts: { port: string; queues: string; interval: string; token?: string }, cmd: Command): Promise<void> {
  const { startQueueServer, simulateTicketMachine } = await import('../../../central/queue/queue-server');
  const server = await startQueueServer({ dataDir: path.join(dataDirOf(cmd), 'queue-service'), port: Number(opts.port), token: opts.token });
  const queues = opts.queues.split(',').filter(Boolean);
  const stop = Number(opts.interval) > 0 ? simulateTicketMachine(server.state, queues, Number(opts.interval), (n) => process.stderr.write(`取号 ${n}\n`)) : () => undefined;
  process.stdout.write(`${server.url}\n`);
  process.stderr.write(`排队系统已就绪：${server.url}（在 设置 → 叫号 填入此地址）\n`);
  const end = () => void server.close().then(() => (stop(), process.exit(0)));
  process.once('SIGINT', end);
  process.once('SIGTERM', end);
}

/** `yichuang simulate queue-caller`: a window caller on a pty (PROTOCOL.md), issuing a ticket every interval. */
export async function simulateQueueCaller(opts: { addr: string; baud: string; queues: string; interval: string }): Promise<void> {
  const { CallerSimulator } = await import('../../../native/queue-caller/sim/caller-simulator');
  const sim = await CallerSimulator.start({ addr: Number(opts.addr), baud: Number(opts.baud) });
  const queues = opts.queues.split(',').filter(Boolean);
  let i = 0;
  if (Number(opts.interval) > 0) setInterval(() => process.stderr.write(`取号 ${sim.issue(queues[i++ % queues.length])}\n`), Number(opts.interval));
  sim.onCommand((c) => process.stderr.write(`收到 ${c.type}${'ticket' in c ? ` ${c.ticket}` : ''}\n`));
  process.stdout.write(`${sim.path}\n`);
  process.once('SIGINT', () => void sim.close().then(() => process.exit(0)));
}
