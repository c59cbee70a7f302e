import type { Subsystem } from '../../platform/subsystem';
import type { SettingsStore } from '../config/settings-store';
import { CameraService } from './camera-service';

/** The document camera's vendor backend (the UVC backend lives in the renderer). */
export function createCamera(d: { settings: SettingsStore }): Subsystem<CameraService> {
  const service = new CameraService(d.settings);
  return { service, close: () => service.close() };
}
