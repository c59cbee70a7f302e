import path from 'node:path';
import type { Services } from '../services';
import { appendAudit } from '../../audit/chain';
import { backupDatabase, backupFileName } from '../../db/backup';
import { checkDatabase } from '../../audit/db-check';
import { openForReading } from '../../db/read-only';
import type { Handlers } from '../router';

/** The maintenance console's database tools: the same check and backup as `yichuang db check|backup`. */
export function dbHandlers(s: Services): Handlers {
  return {
    'db.check': async () => {
      const started = performance.now();
      // A connection of its own: the check holds one snapshot throughout, the app's connection keeps serving.
      const reader = await openForReading(s.database.file, { anySchema: true });
      const r = await checkDatabase(reader).finally(() => reader.close());
      const { file: _file, audit, ...rest } = r;
      return { ...rest, audit: { ok: audit.ok, entries: audit.entries, problems: audit.problems.length }, ms: performance.now() - started };
    },
    'db.backup': async (_input, ctx) => {
      const r = await backupDatabase(s.database, path.join(s.options.dataDir, 'backups', backupFileName(new Date())));
      await appendAudit(s.database.db, { actor: ctx.session?.staffId ?? 'system', action: 'db.backup', subject: path.basename(r.file), detail: { bytes: r.bytes } });
      return { file: r.file, bytes: r.bytes, ms: r.ms };
    },
  };
}
