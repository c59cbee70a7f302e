import { useEffect, useRef, useState } from 'react';
import type { CameraStarted } from './camera/DocumentCamera';

/** The live picture: a video element for a stream (UVC), an image swapped per frame (vendor service). */
export function CameraPreview({ preview, label }: { preview: CameraStarted['preview']; label: string }) {
  const video = useRef<HTMLVideoElement>(null);
  const [frame, setFrame] = useState<string | null>(null);
  useEffect(() => {
    if (preview.kind === 'stream') {
      const v = video.current;
      if (v) {
        v.srcObject = preview.stream;
        void v.play().catch(() => undefined);
      }
      return () => {
        if (v) v.srcObject = null;
      };
    }
    return preview.subscribe(setFrame);
  }, [preview]);
  if (preview.kind === 'stream') return <video ref={video} className="capture-live" muted playsInline aria-label={label} data-testid="capture-preview" />;
  return frame ? <img src={frame} className="capture-live" alt={label} data-testid="capture-preview" /> : <div className="capture-live capture-waiting" data-testid="capture-preview-waiting" />;
}
