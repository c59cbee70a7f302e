/**
 * Tells keyboard-wedge scanner bursts from typing by timing alone (PROTOCOLS.md §2), with no DOM:
 * the hook feeds it key events and carries out what it says. A scanner types ≥ 6 characters a few
 * milliseconds apart and ends with Enter or Tab; even a 120 wpm typist averages ~100 ms between
 * keys and only rolls over two or three keys faster than 30 ms.
 *
 * A suffix key ends the scan only when the keys then stop for `maxInterKeyMs`: a multi-line QR code
 * types its own line breaks as Enter inside the burst, and those stay in the scan as `\n` (Tab as
 * `\t`). This costs a wedge scan one window (30 ms) after its last key, next to the hundreds of
 * milliseconds the scanner takes to type it.
 *
 * The first key of a burst cannot be told from a typed one, so it reaches the field ("leaks"); the
 * caller snapshots the field then and restores the snapshot when a scan is recognised. Keys that
 * follow within the window are held back; if the burst turns out to be typing they are released,
 * in order, for the caller to insert.
 */

export interface WedgeConfig {
  /** Longest gap between two keys of one burst. */
  maxInterKeyMs: number;
  /** Fewest characters (before the suffix) that make a scan. */
  minLength: number;
  /** Keys that end a scan (`KeyboardEvent.key` values). */
  suffixKeys: string[];
  /** False for scanners set to send no suffix: a burst then ends when the keys stop. */
  requireSuffix: boolean;
}

export const DEFAULT_WEDGE_CONFIG: WedgeConfig = {
  maxInterKeyMs: 30,
  minLength: 6,
  suffixKeys: ['Enter', 'Tab'],
  requireSuffix: true,
};

/** The parts of a KeyboardEvent the detector looks at. `time` in ms on one clock (event.timeStamp). */
export interface KeyInput {
  key: string;
  time: number;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  repeat?: boolean;
  isComposing?: boolean;
}

export type WedgeOutput =
  /** A scan: suppress nothing more; restore the field to its snapshot from the burst's first key. */
  | { type: 'scan'; text: string }
  /** Held keys turned out to be typing: insert this text where the caret is. */
  | { type: 'release'; text: string };

export interface KeyResult {
  /** `hold`: the caller must stop this key reaching the field (preventDefault). */
  action: 'pass' | 'hold';
  /** True on the first key of a possible burst: snapshot the focused field now, before it changes. */
  burstStart: boolean;
  outputs: WedgeOutput[];
}

// Keys that neither add text nor break a burst (scanners press Shift for capitals).
const NEUTRAL_KEYS = new Set(['Shift', 'CapsLock', 'NumLock']);

export class WedgeDetector {
  private chars: string[] = [];
  private held = 0;
  private lastTime = 0;
  /** A suffix key seen at the end of a long-enough burst: the scan ends unless more keys follow. */
  private pendingSuffix: string | null = null;
  private readonly config: WedgeConfig;

  constructor(config: Partial<WedgeConfig> = {}) {
    this.config = { ...DEFAULT_WEDGE_CONFIG, ...config };
    if (this.config.maxInterKeyMs <= 0 || this.config.minLength < 1) throw new Error('扫码枪识别参数无效：间隔须大于 0，长度至少为 1');
  }

  get settings(): Readonly<WedgeConfig> {
    return this.config;
  }

  key(ev: KeyInput): KeyResult {
    const outputs: WedgeOutput[] = [];
    if (NEUTRAL_KEYS.has(ev.key)) return { action: 'pass', burstStart: false, outputs };
    const inBurst = this.chars.length > 0 && ev.time - this.lastTime <= this.config.maxInterKeyMs;
    if (this.chars.length > 0 && !inBurst) this.end(outputs);

    const isSuffix = this.config.suffixKeys.includes(ev.key);
    const isChar = ev.key.length === 1 || (ev.key.length === 2 && isSurrogatePair(ev.key));
    if (ev.ctrlKey || ev.altKey || ev.metaKey || ev.repeat || ev.isComposing || (!isChar && !isSuffix)) {
      this.end(outputs);
      return { action: 'pass', burstStart: false, outputs };
    }
    if (isSuffix) {
      if (inBurst && this.chars.length >= this.config.minLength) {
        this.keepPendingSuffix();
        this.pendingSuffix = ev.key;
        this.lastTime = ev.time;
        return { action: 'hold', burstStart: false, outputs };
      }
      this.end(outputs);
      return { action: 'pass', burstStart: false, outputs };
    }
    if (inBurst) this.keepPendingSuffix();
    this.lastTime = ev.time;
    if (!inBurst) {
      this.chars = [ev.key];
      return { action: 'pass', burstStart: true, outputs };
    }
    this.chars.push(ev.key);
    this.held++;
    return { action: 'hold', burstStart: false, outputs };
  }

  /** When the caller should call `idle` if no key comes first; null when nothing is pending. */
  deadline(): number | null {
    return this.chars.length > 0 ? this.lastTime + this.config.maxInterKeyMs : null;
  }

  /** Time passed with no key: a burst that ended without a suffix is typing (or a scan, if no suffix is required). */
  idle(now: number): WedgeOutput[] {
    const outputs: WedgeOutput[] = [];
    if (this.chars.length > 0 && now - this.lastTime > this.config.maxInterKeyMs) this.end(outputs);
    return outputs;
  }

  /** More keys came within the window: the suffix key was a line break inside the code. */
  private keepPendingSuffix(): void {
    if (this.pendingSuffix === null) return;
    this.chars.push(this.pendingSuffix === 'Tab' ? '\t' : '\n');
    this.pendingSuffix = null;
  }

  private end(outputs: WedgeOutput[]): void {
    if (this.pendingSuffix !== null) outputs.push({ type: 'scan', text: this.chars.join('') });
    else if (!this.config.requireSuffix && this.chars.length >= this.config.minLength) outputs.push({ type: 'scan', text: this.chars.join('') });
    else if (this.held > 0) outputs.push({ type: 'release', text: this.chars.slice(this.chars.length - this.held).join('') });
    this.reset();
  }

  private reset(): void {
    this.chars = [];
    this.held = 0;
    this.pendingSuffix = null;
  }
}

function isSurrogatePair(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 0xd800 && c <= 0xdbff;
}
