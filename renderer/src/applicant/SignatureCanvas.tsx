import { useEffect, useRef } from 'react';
import type { PenPoint, Stroke } from '../../../common/domain/signature';

const clamp = (v: number) => Math.min(1, Math.max(0, v));

/**
 * The on-screen signature area: pointer events (pen, touch or mouse) with pressure, kept as strokes
 * of `PenPoint` (the same format a HID signature pad produces). Coordinates are fractions of the
 * area; `t` counts from the first stroke. Drawing here is only feedback: main renders the PNG.
 */
export function SignatureCanvas({ strokes, onStrokes, width = 900, height = 300 }: { strokes: Stroke[]; onStrokes: (s: Stroke[]) => void; width?: number; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const current = useRef<PenPoint[] | null>(null);
  const origin = useRef<number | null>(null);

  useEffect(() => {
    if (strokes.length === 0) origin.current = null;
    redraw(canvas.current, strokes, width, height);
  }, [strokes, width, height]);

  const point = (e: PointerEvent | React.PointerEvent): PenPoint => {
    const r = canvas.current!.getBoundingClientRect();
    origin.current ??= e.timeStamp;
    // A mouse reports 0.5 while a button is down; a pen its real pressure; 0 from a device without it.
    const pressure = e.pressure > 0 ? e.pressure : 0.5;
    return { x: clamp((e.clientX - r.left) / r.width), y: clamp((e.clientY - r.top) / r.height), pressure: clamp(pressure), t: Math.max(0, Math.round(e.timeStamp - origin.current)) };
  };
  const draw = (a: PenPoint, b: PenPoint) => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.lineWidth = 1.5 + 3 * b.pressure;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#000';
    ctx.beginPath();
    ctx.moveTo(a.x * width, a.y * height);
    ctx.lineTo(b.x * width, b.y * height);
    ctx.stroke();
  };

  return (
    <canvas
      ref={canvas}
      width={width}
      height={height}
      className="signature-canvas"
      data-testid="signature-canvas"
      data-strokes={strokes.length}
      onPointerDown={(e) => {
        try {
          // Keep the stroke when the pen leaves the box; an id the browser does not track (a synthetic event) has nothing to capture.
          e.currentTarget.setPointerCapture(e.pointerId);
        } catch {
          /* not capturable: the stroke still records inside the box */
        }
        const p = point(e);
        current.current = [p];
        draw(p, p);
      }}
      onPointerMove={(e) => {
        const pts = current.current;
        if (!pts) return;
        const events = typeof e.nativeEvent.getCoalescedEvents === 'function' ? e.nativeEvent.getCoalescedEvents() : [];
        for (const ev of events.length ? events : [e.nativeEvent]) {
          const p = point(ev);
          draw(pts[pts.length - 1]!, p);
          pts.push(p);
        }
      }}
      onPointerUp={() => {
        const pts = current.current;
        current.current = null;
        if (pts) onStrokes([...strokes, { points: pts.slice(0, 2000) }]);
      }}
      onPointerCancel={() => {
        current.current = null;
        redraw(canvas.current, strokes, width, height);
      }}
    />
  );
}

function redraw(el: HTMLCanvasElement | null, strokes: Stroke[], width: number, height: number): void {
  const ctx = el?.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, width, height);
  ctx.lineCap = 'round';
  ctx.strokeStyle = '#000';
  for (const s of strokes)
    for (let i = 0; i < s.points.length; i++) {
      const a = s.points[Math.max(0, i - 1)]!;
      const b = s.points[i]!;
      ctx.lineWidth = 1.5 + 3 * b.pressure;
      ctx.beginPath();
      ctx.moveTo(a.x * width, a.y * height);
      ctx.lineTo(b.x * width, b.y * height);
      ctx.stroke();
    }
}
