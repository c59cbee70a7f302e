import type { DocumentCameraSettings } from '../../../../common/contract/camera';
import type { DocumentCamera } from './DocumentCamera';
import { uvcCamera } from './uvcCamera';
import { vendorCamera } from './vendorCamera';

/** The backend 运维 → 设备 → 高拍仪 chose. */
export function cameraFor(s: DocumentCameraSettings): DocumentCamera {
  return s.backend === 'vendor' ? vendorCamera() : uvcCamera({ label: s.uvcLabel });
}
