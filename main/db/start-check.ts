import fs from 'node:fs';
import sqlite3 from 'sqlite3';
import type { Logger } from '../../platform/log/logger';

/**
 * Below this size `pragma quick_check` runs before the services start and a damaged file is refused.
 * Above it the check would hold start-up for seconds (886 ms at 273 MB, ~5 s at 1.4 GB: a window
 * with years of cases), so it runs on its own read-only connection after start instead (after
 * BACKGROUND_CHECK_DELAY_MS, off the path to the first screen).
 */
export const QUICK_CHECK_AT_OPEN_MAX_BYTES = 256 * 1024 * 1024;

export interface StartCheck {
  /** `at-open`: checked before start (a damaged file is refused); `background`: after start. */
  mode: 'at-open' | 'background';
  state: 'running' | 'ok' | 'problems' | 'failed' | 'skipped';
  /** The first problems quick_check listed, or why it could not run. */
  detail: string | null;
  sizeBytes: number;
  ms: number | null;
}

/** The bytes quick_check reads: the database file and its write-ahead log. */
export function databaseBytes(file: string): number {
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  return size(file) + size(`${file}-wal`);
}

/** The verdict of a quick_check's rows: 'ok', or the first problems joined. */
export function quickCheckVerdict(rows: unknown[]): string {
  return rows.map((r) => Object.values(r as Record<string, string>)[0]).join('; ');
}

/**
 * How long after open the background quick_check waits: reading the whole file (1.4 GB at 250k cases,
 * seconds of a core and the disk) beside the services' start and the first screen's queries slowed
 * both; the clerk's first minute needs neither the answer nor the contention.
 */
export const BACKGROUND_CHECK_DELAY_MS = 20_000;

/**
 * Runs quick_check on a second, read-only connection after `delayMs` (WAL lets it read beside the
 * writer, so cases are taken meanwhile). The result is logged, and an error logged when the file is
 * damaged. The state stays `running` from open until the verdict.
 */
export function checkInBackground(
  file: string,
  sizeBytes: number,
  log: Logger,
  delayMs = BACKGROUND_CHECK_DELAY_MS,
  /** Told the verdict (check-policy.ts remembers a good one); `stop` waits for it. */
  onVerdict: (state: 'ok' | 'problems' | 'failed') => Promise<void> = async () => undefined,
): { status: () => StartCheck; stop: () => Promise<void> } {
  const status: StartCheck = { mode: 'background', state: 'running', detail: null, sizeBytes, ms: null };
  let told: Promise<void> = Promise.resolve();
  let started = 0;
  let handle: sqlite3.Database | null = null;
  let stopped = false;
  let open = false;
  let timer: NodeJS.Timeout | null = null;
  const finish = (state: 'ok' | 'problems' | 'failed', detail: string | null) => {
    Object.assign(status, { state, detail, ms: Math.round(performance.now() - started) });
    told = onVerdict(state).catch((err: unknown) => log.warn({ err }, 'could not record the quick_check verdict'));
    if (state === 'ok') log.info({ ms: status.ms, sizeBytes }, 'background quick_check ok');
    else log.error({ ms: status.ms, sizeBytes, detail }, '数据库后台完整性检查发现问题：请运行 yichuang db check，并联系运维人员从备份恢复');
  };
  const check = (resolve: () => void) => {
    timer = null;
    started = performance.now();
    handle = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (openErr) => {
      if (openErr) {
        finish('failed', openErr.message);
        return resolve();
      }
      open = true;
      if (stopped) return resolve();
      handle!.all('pragma quick_check(20)', (err, rows) => {
        if (!stopped) {
          if (err) finish('failed', err.message);
          else {
            const verdict = quickCheckVerdict(rows);
            finish(verdict === 'ok' ? 'ok' : 'problems', verdict === 'ok' ? null : verdict.slice(0, 500));
          }
        }
        resolve();
      });
    });
  };
  let settle!: () => void;
  const done = new Promise<void>((resolve) => {
    settle = resolve;
    timer = setTimeout(() => check(resolve), delayMs);
    timer.unref();
  });
  return {
    status: () => ({ ...status }),
    async stop() {
      stopped = true;
      if (timer) {
        // Closed before the check began: nothing to interrupt.
        clearTimeout(timer);
        timer = null;
        settle();
      }
      // A close while the check runs would wait for it: interrupt it (the app is shutting down).
      if (open) handle!.interrupt();
      await done;
      await told;
      if (open) await new Promise<void>((resolve) => handle!.close(() => resolve()));
    },
  };
}
