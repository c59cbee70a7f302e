import { afterEach, describe, expect, it, vi } from 'vitest';
import { installWedge } from './install-wedge';

/** Just enough of a window: a focused input whose default action types the key, and a clock. */
function fakeWindow() {
  let now = 0;
  const field = {
    tagName: 'INPUT',
    value: 'before ',
    selectionStart: 7 as number | null,
    selectionEnd: 7 as number | null,
    inputEvents: 0,
    setSelectionRange(a: number, b: number) {
      this.selectionStart = a;
      this.selectionEnd = b;
    },
    dispatchEvent() {
      this.inputEvents++;
      return true;
    },
  };
  const target = new EventTarget();
  const win = Object.assign(target, {
    document: { activeElement: field, execCommand: (_c: string, _u: boolean, text: string) => ((field.value += text), true) },
    performance: { now: () => now },
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number,
    clearTimeout: (id: number) => clearTimeout(id),
  });
  const press = (key: string, at: number) => {
    now = at;
    vi.setSystemTime(at);
    const ev = new Event('keydown', { cancelable: true });
    Object.defineProperty(ev, 'key', { value: key });
    Object.defineProperty(ev, 'timeStamp', { value: at });
    target.dispatchEvent(ev);
    if (!ev.defaultPrevented && key.length === 1) field.value += key; // the browser's default action
    return ev.defaultPrevented;
  };
  const advance = (ms: number) => {
    now += ms;
    vi.advanceTimersByTime(ms);
  };
  return { win: win as unknown as Window, field, press, advance };
}

afterEach(() => vi.useRealTimers());

describe('installWedge', () => {
  it('turns a burst into a scan and puts the field back as it was', () => {
    vi.useFakeTimers();
    const { win, field, press, advance } = fakeWindow();
    const scans: string[] = [];
    const uninstall = installWedge(win, { onScan: (t) => scans.push(t) });
    const prevented = [...'HK01-W03'].map((k, i) => press(k, 1000 + i * 5));
    expect(prevented).toEqual([false, true, true, true, true, true, true, true]);
    expect(field.value).toBe('before H'); // the first key could not be told apart yet
    expect(press('Enter', 1045)).toBe(true);
    expect(scans).toEqual([]); // an Enter inside a multi-line code looks the same until the keys stop
    advance(40);
    expect(scans).toEqual(['HK01-W03']);
    expect(field.value).toBe('before ');
    expect(field.selectionStart).toBe(7);
    expect(field.inputEvents).toBe(1);
    uninstall();
    expect(press('x', 5000)).toBe(false);
  });

  it('releases keys held during a fast human rollover once the window passes', () => {
    vi.useFakeTimers();
    const { win, field, press, advance } = fakeWindow();
    installWedge(win, { onScan: () => expect.fail('no scan') });
    press('t', 1000);
    expect(press('h', 1012)).toBe(true); // rolled over: held for now
    advance(40);
    expect(field.value).toBe('before th');
    press('e', 1150);
    expect(field.value).toBe('before the');
  });
});
