import { z } from 'zod';
import { defineMethod, NoInput, text } from './define';

/**
 * The document camera (高拍仪). Two backends behind one renderer interface (renderer/src/capture/camera/):
 * `uvc` runs getUserMedia in the renderer; `vendor` talks to a vendor's local WebSocket service from
 * main (native/document-camera/), because the renderer's CSP allows no socket but its own origin and
 * the architecture keeps device I/O in Node. These methods are the vendor backend's bridge.
 */
export const CameraBackend = z.enum(['uvc', 'vendor']);
export type CameraBackend = z.infer<typeof CameraBackend>;

/** Vendor service dialects (native/document-camera/drivers.ts holds one codec per key). */
export const VENDOR_DRIVERS = ['generic', 'liangtian'] as const;
export const VendorDriver = z.enum(VENDOR_DRIVERS);
export type VendorDriver = z.infer<typeof VendorDriver>;

/** Only the loopback: a vendor service elsewhere would carry ID-card images over the network. */
const LoopbackWsUrl = text(200).regex(/^ws:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?(\/[^\s]*)?$/, '高拍仪服务地址必须是本机地址，例如 ws://127.0.0.1:9000');

/** The `documentCamera` settings group (运维 → 设备 → 高拍仪). */
export const DocumentCameraSettings = z.object({
  backend: CameraBackend.default('uvc'),
  /** UVC: the chosen camera's label (device ids are per origin and may change; the label is stable). Null: the first camera. */
  uvcLabel: text(200).nullable().default(null),
  vendorDriver: VendorDriver.default('generic'),
  vendorUrl: LoopbackWsUrl.default('ws://127.0.0.1:9000'),
  /** The vendor service's device index (many services drive a main and a side camera). */
  vendorDevice: z.number().int().min(0).max(15).default(0),
});
export type DocumentCameraSettings = z.output<typeof DocumentCameraSettings>;

export const Resolution = z.object({ width: z.number().int().positive(), height: z.number().int().positive() });
export type Resolution = z.infer<typeof Resolution>;

/** A JPEG from the vendor service, base64 (the router speaks JSON). */
const JpegImage = z.object({ jpeg: z.string(), width: z.number().int().positive(), height: z.number().int().positive() });

const CLERK = ['clerk', 'maintenance'] as const;

export const cameraMethods = {
  'camera.settings': defineMethod({
    summary: 'Which document-camera backend this window uses (the clerk’s intake screen needs it; settings.get is maintenance only)',
    roles: CLERK,
    input: NoInput,
    output: DocumentCameraSettings,
  }),
  'camera.vendorDevices': defineMethod({
    summary: 'Vendor backend: the cameras the local service offers, each with its resolutions (largest first)',
    roles: CLERK,
    input: NoInput,
    output: z.object({ devices: z.array(z.object({ index: z.number().int(), name: z.string(), resolutions: z.array(Resolution) })) }),
  }),
  'camera.vendorOpen': defineMethod({
    summary: 'Vendor backend: open the configured camera at a resolution (absent: the largest it offers) and start its preview',
    roles: CLERK,
    input: z.object({ resolution: Resolution.optional() }).strict().optional(),
    output: z.object({ device: z.number().int(), resolution: Resolution }),
  }),
  'camera.vendorPreview': defineMethod({
    summary: 'Vendor backend: the newest preview frame after `after` (waits up to waitMs for one); null when none came',
    roles: CLERK,
    input: z.object({ after: z.number().int().min(0), waitMs: z.number().int().min(0).max(2000).optional() }).strict(),
    output: z.object({ frame: JpegImage.extend({ seq: z.number().int() }).nullable() }),
  }),
  'camera.vendorCapture': defineMethod({
    summary: 'Vendor backend: take a still at the open resolution',
    roles: CLERK,
    input: NoInput,
    output: JpegImage,
  }),
  'camera.vendorClose': defineMethod({
    summary: 'Vendor backend: stop the preview and release the camera (the service stays connected)',
    roles: CLERK,
    input: NoInput,
    output: z.object({ ok: z.literal(true) }),
  }),
};
