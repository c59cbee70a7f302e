import type { Logger } from '../../platform/log/logger';

export interface CrashReport {
  kind: 'uncaughtException' | 'unhandledRejection';
  message: string;
  at: string;
}

/**
 * Process-level safety net: an error nobody caught is logged (the logger redacts it) and reported,
 * and the process keeps serving — a clerk mid-intake keeps the window; the database is untouched
 * by a failed handler. Returns the uninstaller.
 */
export function installCrashHandlers(log: Pick<Logger, 'error' | 'fatal'>, report?: (r: CrashReport) => void): () => void {
  const handle = (kind: CrashReport['kind']) => (reason: unknown) => {
    const err = reason instanceof Error ? reason : new Error(String(reason));
    try {
      log.error({ err, kind }, 'uncaught error: logged and kept running');
      report?.({ kind, message: err.message, at: new Date().toISOString() });
    } catch {
      // The safety net itself must never throw.
    }
  };
  const onException = handle('uncaughtException');
  const onRejection = handle('unhandledRejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
