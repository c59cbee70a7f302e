import { ratingLabel } from '../../../common/domain/rating';
import type { HostLine } from '../line-protocol';
import { EvaluatorSimulator, type SimulatedAnswer } from './evaluator-simulator';

/** `4`, `4:等候时间长|办理时间长`, `timeout` or `silent` → an answer (CLI `--answer`). */
export function parseAnswer(spec: string): SimulatedAnswer {
  const s = spec.trim();
  if (s === 'timeout') return { timeout: true };
  if (s === 'silent') return { silent: true };
  const m = /^([1-5])(?::(.*))?$/.exec(s);
  if (!m) throw new Error(`评价答案无效：${spec}。应为 1–5（可加 :原因|原因）、timeout 或 silent。`);
  return { level: Number(m[1]), reasons: m[2] ? m[2].split('|').filter(Boolean) : [] };
}

/**
 * `yichuang simulate evaluator`: a keypad on a pty. Prints the pty path; answers prompts with the
 * given answers in turn, or, with none, waits for a digit 1–5 on stdin (the applicant's key).
 */
export async function runEvaluatorSimulator(opts: {
  answers: SimulatedAnswer[];
  delayMs: number;
  out: (line: string) => void;
  note: (line: string) => void;
  input?: NodeJS.ReadableStream;
}): Promise<() => Promise<void>> {
  const answers = opts.answers.map((a) => ('level' in a || 'timeout' in a ? { ...a, afterMs: opts.delayMs } : a));
  const sim = await EvaluatorSimulator.start({ answers });
  opts.out(sim.path);
  sim.onLine((line: HostLine) => {
    if (line.type === 'prompt') opts.note(`评价请求 ${line.promptId}（${line.timeoutSec} 秒）${line.caseLabel ?? ''}`);
    if (line.type === 'cancel') opts.note(`评价取消 ${line.promptId}`);
  });
  if (answers.length === 0 && opts.input) {
    opts.note('按 1–5 再回车模拟评价键（1 非常满意 … 5 非常不满意）。');
    opts.input.setEncoding?.('utf8');
    opts.input.on('data', (chunk: string | Buffer) => {
      for (const ch of String(chunk)) {
        if (ch < '1' || ch > '5') continue;
        sim.press(Number(ch));
        opts.note(`已按键：${ch} ${ratingLabel(Number(ch))}`);
      }
    });
  }
  return () => sim.close();
}
