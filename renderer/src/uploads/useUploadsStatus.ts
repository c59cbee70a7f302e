import { useState } from 'react';
import type { EventPayload } from '../../../common/contract';
import { useCall } from '../api/useCall';
import { useEvent } from '../api/useEvent';

/** Material uploads, kept live by `uploads.state` (after each pass) and `uploads.progress` (bytes of the blob in flight). */
export function useUploadsStatus() {
  const status = useCall('uploads.status', undefined);
  const [progress, setProgress] = useState<EventPayload<'uploads.progress'> | null>(null);
  useEvent('uploads.state', (s) => {
    status.setData(s);
    setProgress(s.current);
  });
  useEvent('uploads.progress', setProgress);
  return { ...status, progress: progress ?? status.data?.current ?? null };
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
