import type { FrameRecord } from './types';

/** Upper-case, space separated hex of at most `max` bytes (longer frames end with `…(+N)`). */
export function toHex(bytes: Uint8Array, max = 2048): string {
  const n = Math.min(bytes.length, max);
  const parts = new Array<string>(n);
  for (let i = 0; i < n; i++) parts[i] = bytes[i]!.toString(16).padStart(2, '0').toUpperCase();
  return parts.join(' ') + (bytes.length > max ? ` …(+${bytes.length - max})` : '');
}

/** The last `capacity` frames of one device, oldest first. Fixed memory whatever the traffic. */
export class FrameRing {
  private readonly items: FrameRecord[] = [];
  private next = 0;

  constructor(readonly capacity = 200) {}

  push(dir: 'rx' | 'tx', bytes: Uint8Array, at = new Date()): void {
    const rec: FrameRecord = { dir, hex: toHex(bytes), at: at.toISOString() };
    if (this.items.length < this.capacity) this.items.push(rec);
    else this.items[this.next] = rec;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Oldest first; `limit` keeps the newest N. */
  list(limit = this.capacity): FrameRecord[] {
    const ordered = this.items.length < this.capacity ? [...this.items] : [...this.items.slice(this.next), ...this.items.slice(0, this.next)];
    return ordered.slice(Math.max(0, ordered.length - limit));
  }

  clear(): void {
    this.items.length = 0;
    this.next = 0;
  }
}
