import path from 'node:path';
import { AppError } from '../../../common/contract';
import type { Services } from '../services';
import { appendAudit } from '../../audit/chain';
import { DiagPiiError, exportDiagnostics } from '../../ops/diag/export';
import type { Handlers } from '../router';

export function diagHandlers(s: Services): Handlers {
  return {
    'diag.export': async (_input, ctx) => {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = path.join(s.options.dataDir, 'diagnostics', `diag-${stamp}.zip`);
      try {
        // The running app adds what the CLI cannot see: live device states and their frame logs.
        const result = await exportDiagnostics(file, { dataDir: s.options.dataDir, appVersion: s.version, devices: s.devices });
        await appendAudit(s.database.db, { actor: ctx.session?.staffId ?? 'unknown', action: 'diag.export', subject: path.basename(result.file) });
        return result;
      } catch (err) {
        if (err instanceof DiagPiiError) throw new AppError('INTERNAL', err.message);
        throw err;
      }
    },
  };
}
