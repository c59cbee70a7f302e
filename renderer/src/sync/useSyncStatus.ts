import { useState } from 'react';
import type { EventPayload } from '../../../common/contract';
import { useCall } from '../api/useCall';
import { useEvent } from '../api/useEvent';

/** Sync state and backlog, kept live by `sync.state` and `sync.progress` events. */
export function useSyncStatus() {
  const status = useCall('sync.status', undefined);
  const [progress, setProgress] = useState<EventPayload<'sync.progress'> | null>(null);
  useEvent('sync.state', (s) => {
    status.setData(s);
    if (s.progress === null) setProgress(null);
  });
  useEvent('sync.progress', setProgress);
  return { ...status, progress: progress ?? status.data?.progress ?? null };
}
