import { WedgeDetector, type WedgeConfig, type WedgeOutput } from './wedge-detector';

export interface WedgeInstallOptions {
  onScan(text: string): void;
  config?: Partial<WedgeConfig>;
  /** For a calibration screen: every key with its time and what the detector did. */
  onKey?(key: string, time: number, action: 'pass' | 'hold'): void;
}

type FieldSnapshot = { el: HTMLInputElement | HTMLTextAreaElement; value: string; start: number | null; end: number | null } | null;

/**
 * Puts the detector on `window` keydown (capture phase, ahead of any field or app handler): held
 * keys never reach the focused field; on a scan the field is put back as it was before the
 * burst's first key; held keys that turn out to be typing are inserted as if typed.
 * Returns the uninstaller.
 */
export function installWedge(win: Window, options: WedgeInstallOptions): () => void {
  const detector = new WedgeDetector(options.config);
  let snapshot: FieldSnapshot = null;
  let timer: number | null = null;

  const apply = (outputs: WedgeOutput[]) => {
    for (const o of outputs) {
      if (o.type === 'scan') {
        restore(snapshot);
        options.onScan(o.text);
      } else {
        insertText(win, o.text);
      }
    }
  };

  const arm = () => {
    if (timer !== null) win.clearTimeout(timer);
    timer = null;
    const deadline = detector.deadline();
    if (deadline === null) return;
    timer = win.setTimeout(() => {
      timer = null;
      apply(detector.idle(win.performance.now()));
    }, Math.max(0, deadline - win.performance.now()) + 1);
  };

  const onKeyDown = (ev: KeyboardEvent) => {
    const result = detector.key({
      key: ev.key,
      time: ev.timeStamp,
      ctrlKey: ev.ctrlKey,
      altKey: ev.altKey,
      metaKey: ev.metaKey,
      repeat: ev.repeat,
      isComposing: ev.isComposing,
    });
    // Releases belong before this key, so typed order is kept.
    apply(result.outputs);
    if (result.burstStart) snapshot = snapshotOf(win.document.activeElement);
    if (result.action === 'hold') {
      ev.preventDefault();
      ev.stopImmediatePropagation();
    }
    options.onKey?.(ev.key, ev.timeStamp, result.action);
    arm();
  };

  win.addEventListener('keydown', onKeyDown, true);
  return () => {
    win.removeEventListener('keydown', onKeyDown, true);
    if (timer !== null) win.clearTimeout(timer);
  };
}

function snapshotOf(el: Element | null): FieldSnapshot {
  if (!el || !('value' in el) || !(el.tagName === 'INPUT' || el.tagName === 'TEXTAREA')) return null;
  const field = el as HTMLInputElement | HTMLTextAreaElement;
  let start: number | null = null;
  let end: number | null = null;
  try {
    start = field.selectionStart;
    end = field.selectionEnd;
  } catch {
    // input types without selection (number, email): value alone
  }
  return { el: field, value: field.value, start, end };
}

function restore(s: FieldSnapshot): void {
  if (!s || s.el.value === s.value) return;
  // Through the prototype setter so React's controlled inputs notice the change.
  const proto = Object.getPrototypeOf(s.el) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(s.el, s.value);
  else s.el.value = s.value;
  s.el.dispatchEvent(new Event('input', { bubbles: true }));
  if (s.start !== null && s.end !== null) {
    try {
      s.el.setSelectionRange(s.start, s.end);
    } catch {
      // selection not supported by this input type
    }
  }
}

function insertText(win: Window, text: string): void {
  const el = win.document.activeElement as HTMLElement | null;
  if (!el || !(el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable)) return;
  // execCommand is the one way to insert text as typing does (undo stack, input events, React).
  win.document.execCommand('insertText', false, text);
}
