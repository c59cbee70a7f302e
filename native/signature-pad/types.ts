/** What a signature pad tells the app: the contract the applicant screen codes against. */

import type { PenPoint } from '../../common/domain/signature';

// One point shape for the pad and the on-screen canvas: x,y in 0..1 of the active area, pressure 0..1,
// t ms since the first point of this signature.
export type { PenPoint };
export interface SignaturePadEvents { stroke: { points: PenPoint[] }; confirm: {}; clear: {}; cancel: {} }

export type SignaturePadEventType = keyof SignaturePadEvents;

/** One pad event as it travels through the device layer (the `signaturePad` device event): which pad, when, and what. */
export type SignaturePadDeviceEvent = {
  [K in SignaturePadEventType]: { deviceId: string; at: string; type: K } & SignaturePadEvents[K];
}[SignaturePadEventType];

/** The pad's keys (确认 / 重签 / 取消), as the model table names them. */
export const PAD_KEYS = ['confirm', 'clear', 'cancel'] as const satisfies readonly Exclude<SignaturePadEventType, 'stroke'>[];
export type PadKey = (typeof PAD_KEYS)[number];
