import type { Resolution } from '../../../../common/contract/camera';
import type { CameraDeviceInfo, CameraStarted, DocumentCamera, Still } from './DocumentCamera';

/**
 * The UVC backend: most 高拍仪 are plain USB video cameras, driven by getUserMedia.
 *
 * Resolution: ask for an ideal far above any camera, read what the track can do
 * (getCapabilities) and apply the maximum. Known limits: Chromium (so Electron) often opens a UVC
 * camera at 640×480 or 1280×720 unless asked for more; some Windows drivers list only their
 * 720p MJPEG mode through Media Foundation, or fail applyConstraints above 720p. We then keep
 * what the camera gave and say so (`note`): the page is still captured, at a lower dpi. The
 * vendor-service backend is the way round it for such models.
 */
export async function listUvcCameras(): Promise<CameraDeviceInfo[]> {
  const list = await navigator.mediaDevices.enumerateDevices();
  return list.filter((d) => d.kind === 'videoinput').map((d, i) => ({ id: d.deviceId, label: d.label || `摄像头 ${i + 1}` }));
}

/** Below this long edge a page of A4 comes out under ~150 dpi: worth telling the clerk. */
const LOW_LONG_EDGE = 1600;

export function uvcCamera(opts: { label: string | null }): DocumentCamera {
  let stream: MediaStream | null = null;
  let video: HTMLVideoElement | null = null;
  return {
    backend: 'uvc',
    async start(): Promise<CameraStarted> {
      if (!navigator.mediaDevices?.getUserMedia) throw new Error('此环境不能使用摄像头（没有 getUserMedia）。请在“运维 → 设备 → 高拍仪”改用厂商服务。');
      let deviceId: string | undefined;
      if (opts.label) {
        // Labels are only listed once permission was granted: ask once with any camera, then pick.
        const found = (await listUvcCameras()).find((d) => d.label === opts.label);
        deviceId = found?.id || undefined;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: { ...(deviceId ? { deviceId: { exact: deviceId } } : {}), width: { ideal: 4096 }, height: { ideal: 3072 } } });
      } catch (err) {
        throw new Error(cameraError(err as DOMException), { cause: err });
      }
      const track = stream.getVideoTracks()[0]!;
      const best = await largest(track);
      const s = track.getSettings();
      const resolution = { width: s.width ?? best.width, height: s.height ?? best.height };
      video = document.createElement('video');
      video.muted = true;
      video.playsInline = true;
      video.srcObject = stream;
      await video.play().catch(() => undefined);
      const note = Math.max(resolution.width, resolution.height) < LOW_LONG_EDGE ? `摄像头只提供 ${resolution.width}×${resolution.height}，拍出的材料不够清晰。请换用更高分辨率的高拍仪，或在“运维 → 设备 → 高拍仪”改用厂商服务。` : null;
      return { resolution, preview: { kind: 'stream', stream }, note };
    },
    async capture(): Promise<Still> {
      const askedAt = performance.now();
      const track = stream?.getVideoTracks()[0];
      if (!track || track.readyState !== 'live' || !video) throw new Error('摄像头没有打开或已断开，请重新打开拍照窗口。');
      // The frame the video shows now, at the track's own resolution: what the clerk saw when
      // pressing, at once. ImageCapture.grabFrame waits for the next frame (one frame time) and,
      // with Chromium's fake camera, stalled ~2 s every few shots (bench/capture-ui.ts); it is the
      // fallback before the video has a frame.
      let image: ImageBitmap | null = null;
      if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth) image = await createImageBitmap(video).catch(() => null);
      const IC = (window as unknown as { ImageCapture?: new (t: MediaStreamTrack) => { grabFrame(): Promise<ImageBitmap> } }).ImageCapture;
      if (!image && IC) image = await new IC(track).grabFrame().catch(() => null);
      if (!image) {
        if (!video.videoWidth) await new Promise((r) => video!.addEventListener('loadeddata', r, { once: true }));
        image = await createImageBitmap(video);
      }
      return { image, width: image.width, height: image.height, askedAt };
    },
    async stop() {
      for (const t of stream?.getTracks() ?? []) t.stop();
      stream = null;
      if (video) video.srcObject = null;
      video = null;
    },
  };
}

/** Applies the largest size the track reports; a refusal keeps what it has (the >720p limit). */
async function largest(track: MediaStreamTrack): Promise<Resolution> {
  const caps = typeof track.getCapabilities === 'function' ? track.getCapabilities() : {};
  const width = caps.width?.max;
  const height = caps.height?.max;
  const now = track.getSettings();
  if (width && height && (width > (now.width ?? 0) || height > (now.height ?? 0))) {
    await track.applyConstraints({ width: { ideal: width }, height: { ideal: height } }).catch(() => undefined);
  }
  const s = track.getSettings();
  return { width: s.width ?? width ?? 0, height: s.height ?? height ?? 0 };
}

function cameraError(err: DOMException): string {
  switch (err.name) {
    case 'NotAllowedError':
      return '没有使用摄像头的权限。请允许本程序使用摄像头后重试。';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return '找不到高拍仪摄像头。请检查 USB 线，或在“运维 → 设备 → 高拍仪”重新选择摄像头。';
    case 'NotReadableError':
      return '摄像头被其他程序占用（例如厂商的拍照软件）。请关闭该程序后重试。';
    default:
      return `摄像头无法打开（${err.name}）。请重新插拔高拍仪后重试。`;
  }
}
