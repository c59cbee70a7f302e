import path from 'node:path';
import pino from 'pino';
import { redactDeep, redactText } from '../../common/domain/mask';
import { RotatingFile } from './rotating-file';

export type Logger = pino.Logger;

let file: RotatingFile | null = null;
let root: pino.Logger = makeRoot();

function makeRoot(): pino.Logger {
  const level = process.env.YICHUANG_LOG_LEVEL ?? 'info';
  const stream = {
    write(line: string) {
      if (file) file.write(line);
      else if (process.env.YICHUANG_LOG_STDERR) process.stderr.write(line);
    },
  };
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      // The redaction hook: no ID number, name, address or photo reaches a log line unmasked.
      formatters: { log: (obj) => redactDeep(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? redactText(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    stream,
  );
}

/** Send every subsystem's log to rotating files under `<dataDir>/logs`. */
export function configureLogging(dataDir: string): void {
  file?.close();
  file = new RotatingFile(path.join(dataDir, 'logs', 'yichuang.log'));
}

export function closeLogging(): void {
  file?.close();
  file = null;
}

/** One logger per subsystem, e.g. `createLogger('idcard')`. */
export function createLogger(subsystem: string): Logger {
  return root.child({ sub: subsystem });
}

export function logDir(dataDir: string): string {
  return path.join(dataDir, 'logs');
}

// Tests may replace the root (e.g. to capture lines).
export function _setRootForTests(logger: pino.Logger): void {
  root = logger;
}
