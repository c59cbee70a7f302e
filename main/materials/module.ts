import type { Subsystem } from '../../platform/subsystem';
import { createLogger } from '../../platform/log/logger';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { Database } from '../db/database';
import { BlobFiles } from './blob-files';
import { Materials } from './materials-service';
import { materialsDirs } from './paths';
import { realFs, sweepTemporaries, type StoreFs } from './sealed-files';
import type { MaterialsService } from './service';
import { Staging } from './staging';

export interface MaterialsDeps {
  database: Database;
  pii: PiiCipher;
  /** The setting `retentionDays`: how long a finished case's uploaded files stay on this PC. */
  retentionDays: () => number;
  dataDir: string;
  /** Tests inject a failing write (ENOSPC) here. */
  fs?: StoreFs;
  now?: () => Date;
  /** How long after start the stored PDFs are swept (STORED_SWEEP_DELAY_MS unless given). */
  storedSweepDelayMs?: number;
}

/** Staged pages of an intake abandoned without 撤回 are dropped after this many days. */
export const STALE_DRAFT_DAYS = 14;
/** How long after start the stored PDFs are swept (orphans, expired local copies). */
const STORED_SWEEP_DELAY_MS = 45_000;

/** A stored PDF no case links is kept this long (a decision may be preparing it right now). */
const ORPHAN_GRACE_MS = 60 * 60_000;

/**
 * The materials subsystem (issue 16): staged pages, material PDFs sealed under
 * `<data>/materials/`, file tickets. At start it removes what a kill -9 left behind: temporary
 * files, staged files without a row, stored PDFs no committed case links, stale drafts; and the local
 * copies of uploaded files whose retention ended.
 */
export async function createMaterials(d: MaterialsDeps): Promise<Subsystem<MaterialsService>> {
  const log = createLogger('materials');
  const dirs = materialsDirs(d.dataDir);
  const fsx = d.fs ?? realFs;
  const now = d.now ?? (() => new Date());
  const db = d.database.db;
  const staging = new Staging(db, d.pii, dirs.staged, fsx, now);
  const blobs = new BlobFiles(db, d.pii, dirs.blobs, fsx, d.retentionDays);
  try {
    const temporaries = sweepTemporaries(dirs.root);
    const staged = await staging.sweep(STALE_DRAFT_DAYS);
    if (temporaries || staged.orphans || staged.stale) log.info({ temporaries, ...staged }, 'materials store swept');
  } catch (err) {
    // A key that cannot open (file names) must not stop the app: the sweep runs at the next start.
    log.error({ err }, 'materials sweep failed');
  }
  // The stored PDFs' sweeps follow the files held (weeks of cases): after start, off the path to
  // the first screen. Safe beside work: an orphan must be older than the grace, an expired copy is
  // checked again as it is dropped (the uploader drops them the same way).
  const storedSweep = setTimeout(() => {
    void (async () => {
      try {
        const orphanBlobs = await blobs.sweepOrphans(ORPHAN_GRACE_MS, now());
        const expired = await blobs.deleteExpiredUploads(now());
        if (orphanBlobs || expired) log.info({ orphanBlobs, expired }, 'stored material files swept');
      } catch (err) {
        log.error({ err }, 'stored material files sweep failed');
      }
    })();
  }, d.storedSweepDelayMs ?? STORED_SWEEP_DELAY_MS);
  storedSweep.unref();
  return { service: new Materials(db, staging, blobs, now), close: () => clearTimeout(storedSweep) };
}
