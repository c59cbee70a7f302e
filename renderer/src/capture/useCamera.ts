import { useEffect, useState } from 'react';
import type { DocumentCameraSettings } from '../../../common/contract/camera';
import { cameraFor } from './camera/cameraFor';
import type { CameraStarted, DocumentCamera } from './camera/DocumentCamera';

export type CameraState =
  | { phase: 'starting' }
  | { phase: 'live'; camera: DocumentCamera; started: CameraStarted }
  | { phase: 'failed'; message: string };

/** Opens the configured camera while `settings` is given, releases it on close; `retry` opens it again. */
export function useCamera(settings: DocumentCameraSettings | null): { state: CameraState; retry: () => void } {
  const [state, setState] = useState<CameraState>({ phase: 'starting' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!settings) return;
    const camera = cameraFor(settings);
    let live = true;
    setState({ phase: 'starting' });
    camera.start().then(
      (started) => {
        if (live) setState({ phase: 'live', camera, started });
        else void camera.stop();
      },
      (err: Error) => live && setState({ phase: 'failed', message: err.message }),
    );
    return () => {
      live = false;
      void camera.stop();
    };
  }, [settings, round]);
  return { state, retry: () => setRound((n) => n + 1) };
}
