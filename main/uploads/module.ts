import { createLogger } from '../../platform/log/logger';
import type { Subsystem } from '../../platform/subsystem';
import type { Database } from '../db/database';
import type { EventBus } from '../events/renderer-events';
import { backoffFromEnv } from '../sync/backoff';
import { UploadsService } from './service';
import type { UploadSource } from './source';
import { Uploader, type UploadProgress } from './uploader';

/** Progress events at most this often per blob (a chunk writes many small pieces). */
const PROGRESS_EVERY_MS = 250;

/**
 * Builds the material uploader on its source (the material blob store: `blobStoreSource`) and, when `scheduled`, starts it in the
 * background (its own timer: it never waits for, nor blocks, intake). Progress and state go to the
 * renderer as `uploads.progress` / `uploads.state`.
 */
export function createUploads(d: { database: Database; source: UploadSource; events: EventBus; scheduled: boolean; chunkSize?: number }): Subsystem<UploadsService> {
  const log = createLogger('uploads');
  const { source } = d;
  let lastEmit = 0;
  const progress = (p: UploadProgress) => {
    const now = Date.now();
    if (p.sent < p.total && now - lastEmit < PROGRESS_EVERY_MS) return;
    lastEmit = now;
    d.events.emit('uploads.progress', p);
  };
  let service: UploadsService | null = null;
  const uploader = new Uploader({
    db: d.database.db,
    source,
    backoff: backoffFromEnv(),
    chunkSize: d.chunkSize,
    onProgress: progress,
    onPass: (r) => {
      service?.passed(r);
      if (r.confirmed > 0 || r.lastError) log.info({ confirmed: r.confirmed, remaining: r.remaining, offline: r.offline, error: r.lastError }, 'upload pass');
      void service?.status().then((s) => d.events.emit('uploads.state', s), () => undefined);
    },
  });
  service = new UploadsService(d.database.db, source, uploader);
  if (d.scheduled) uploader.start();
  return { service, close: () => uploader.stop() };
}
