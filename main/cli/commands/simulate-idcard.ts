import fs from 'node:fs';
import readline from 'node:readline';
import { readCardFixture, type CardFixture } from '../../../native/idcard/card-fixture';
import { SimulatedReader } from '../../../native/idcard/simulated-reader';
import { SIM_FAULTS, type SimFault } from '../../../native/idcard/simulator';
import { demoCards } from '../../../native/idcard/standalone';
import { CliError, parsePositiveInt } from '../util';

const note = (line: string) => process.stderr.write(line + '\n');

/** A card file, or the id of a demo card (`resident`, `permit`, `foreigner`, …). */
function loadCard(ref: string): CardFixture {
  if (fs.existsSync(ref)) return readCardFixture(ref);
  const demo = demoCards().find((c) => c.id === ref);
  if (demo) return demo;
  throw new Error(`找不到卡片文件或演示卡片：${ref}（演示卡片：${demoCards().map((c) => c.id).join('、')}）`);
}

export function parseFaults(list: string | undefined): SimFault[] {
  if (!list) return [];
  const faults = list.split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of faults)
    if (!(SIM_FAULTS as readonly string[]).includes(f)) throw new CliError(`未知的故障类型：${f}（可选：${SIM_FAULTS.join(',')}）`, 2);
  return faults as SimFault[];
}

/**
 * `yichuang simulate idcard [--card FILE|demo-id] [--baud N] [--faults list] [--link PATH]`
 * Prints the port path on stdout, then stays up. Commands on stdin: `place FILE|id`, `remove`, `unplug`.
 */
export async function simulateIdCard(opts: { card?: string; baud: string; faults?: string; link?: string; lateMs?: string }): Promise<void> {
  const baud = parsePositiveInt(opts.baud, '--baud');
  const faults = parseFaults(opts.faults);
  let card: CardFixture | null = null;
  let reader: SimulatedReader;
  try {
    if (opts.card) card = loadCard(opts.card);
    reader = await SimulatedReader.start({ card, baud, faults, link: opts.link, lateMs: opts.lateMs ? parsePositiveInt(opts.lateMs, '--late-ms') : undefined });
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError((err as Error).message, 1);
  }
  process.stdout.write(reader.path + '\n');
  note(`模拟身份证阅读器已就绪：${reader.path}（${baud} 波特${faults.length ? `，故障：${faults.join(',')}` : ''}）${card ? `，卡片：${card.label ?? card.id}` : '，未放卡'}`);
  note('输入 place <卡片文件或演示卡片>、remove、unplug；Ctrl+C 退出。');
  reader.events.on('unplugged', ({ path }) => note(`已拔出：${path}`));
  reader.events.on('replugged', ({ path }) => note(`已重新插入：${path}`));
  reader.sim.events.on('read', ({ card: id }) => note(`卡片已被读取：${id}`));

  const lines = process.stdin.isTTY || !process.stdin.readable ? null : readline.createInterface({ input: process.stdin });
  const ttyLines = process.stdin.isTTY ? readline.createInterface({ input: process.stdin }) : null;
  for (const rl of [lines, ttyLines]) {
    rl?.on('line', (line) => {
      const [cmd, arg] = line.trim().split(/\s+/, 2);
      try {
        if (cmd === 'place' && arg) reader.placeCard(loadCard(arg));
        else if (cmd === 'remove') reader.placeCard(null);
        else if (cmd === 'unplug') void reader.unplug(1000);
        else if (cmd) note(`未知命令：${line}`);
      } catch (err) {
        note((err as Error).message);
      }
    });
  }

  await new Promise<void>((resolve) => {
    const end = () => {
      process.off('SIGINT', end);
      process.off('SIGTERM', end);
      lines?.close();
      ttyLines?.close();
      void reader.close().finally(resolve);
    };
    process.on('SIGINT', end);
    process.on('SIGTERM', end);
  });
}
