import { parseAnswer, runEvaluatorSimulator } from '../../../native/evaluator/sim/run-evaluator-simulator';
import { runScannerSimulator } from '../../../native/scanner/sim/run-scanner-simulator';
import { CliError, parsePositiveInt } from '../util';

/** Runs until SIGINT/SIGTERM, then closes the pty (the device "unplugs"). */
function untilStopped(stop: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const end = () => {
      process.off('SIGINT', end);
      process.off('SIGTERM', end);
      void stop().finally(resolve);
    };
    process.on('SIGINT', end);
    process.on('SIGTERM', end);
  });
}

const out = (line: string) => process.stdout.write(line + '\n');
const note = (line: string) => process.stderr.write(line + '\n');

/** `yichuang simulate scanner --lines FILE [--encoding gb18030] [--interval MS] [--repeat]` */
export async function simulateScanner(opts: { lines: string; encoding: string; interval: string; repeat?: boolean }): Promise<void> {
  if (opts.encoding !== 'utf8' && opts.encoding !== 'gb18030') throw new CliError(`--encoding 只能是 utf8 或 gb18030：${opts.encoding}`, 2);
  const intervalMs = parsePositiveInt(opts.interval, '--interval');
  let stop: () => Promise<void>;
  try {
    stop = await runScannerSimulator({ linesFile: opts.lines, encoding: opts.encoding, intervalMs: Math.max(1, intervalMs), repeat: Boolean(opts.repeat), out, note });
  } catch (err) {
    throw new CliError((err as Error).message, 1);
  }
  await untilStopped(stop);
}

/** `yichuang simulate evaluator [--answer 4:等候时间长 5 timeout] [--delay MS]` */
export async function simulateEvaluator(opts: { answer?: string[]; delay: string }): Promise<void> {
  let answers;
  try {
    answers = (opts.answer ?? []).map(parseAnswer);
  } catch (err) {
    throw new CliError((err as Error).message, 2);
  }
  const stop = await runEvaluatorSimulator({ answers, delayMs: parsePositiveInt(opts.delay, '--delay'), out, note, input: process.stdin });
  await untilStopped(stop);
}
