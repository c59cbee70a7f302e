/** What a signature pad tells the app: the contract the applicant screen codes against. */

export interface PenPoint { x: number; y: number; pressure: number; t: number } // x,y in 0..1 of the pad's active area, pressure 0..1, t ms since the first point of this signature
export interface SignaturePadEvents { stroke: { points: PenPoint[] }; confirm: {}; clear: {}; cancel: {} }

export type SignaturePadEventType = keyof SignaturePadEvents;

/** One pad event as it travels through the device layer (the `signaturePad` device event): which pad, when, and what. */
export type SignaturePadDeviceEvent = {
  [K in SignaturePadEventType]: { deviceId: string; at: string; type: K } & SignaturePadEvents[K];
}[SignaturePadEventType];

/** The pad's keys (确认 / 重签 / 取消), as the model table names them. */
export const PAD_KEYS = ['confirm', 'clear', 'cancel'] as const satisfies readonly Exclude<SignaturePadEventType, 'stroke'>[];
export type PadKey = (typeof PAD_KEYS)[number];
