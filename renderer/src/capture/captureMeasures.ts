/**
 * `performance.measure` names of one capture, each from the key press (the still asked for): the
 * frame grabbed, the page encoded (edge detection + JPEG at PAGE_TARGET), the page stored (staged
 * in main, sealed, its crop set). bench/capture-ui.ts reads them from the page. No imports: the
 * bench (Node) reads the names from here.
 */
export const CAPTURE_MEASURES = { grabbed: 'yc.capture.grabbed', encoded: 'yc.capture.encoded', stored: 'yc.capture.stored' } as const;
export type CapturePhase = keyof typeof CAPTURE_MEASURES;
