import { describe, expect, it } from 'vitest';
import traces from './fixtures/key-traces.json';
import { WedgeDetector, type WedgeConfig } from './wedge-detector';

type Key = { key: string; t: number };

/**
 * Plays keys into a model of the focused text field, doing what the hook does: snapshot at a
 * burst start, let `pass` keys type, drop `hold` keys, insert releases, restore on a scan. Idle
 * timers fire between keys exactly at the detector's deadline.
 */
function play(keys: Key[], config: Partial<WedgeConfig> = {}) {
  const d = new WedgeDetector(config);
  let field = '';
  let snapshot = '';
  const scans: string[] = [];
  const apply = (outputs: ReturnType<WedgeDetector['idle']>) => {
    for (const o of outputs) {
      if (o.type === 'scan') {
        scans.push(o.text);
        field = snapshot;
      } else field += o.text;
    }
  };
  for (const k of keys) {
    const deadline = d.deadline();
    if (deadline !== null && k.t > deadline) apply(d.idle(deadline + 0.1));
    const r = d.key({ key: k.key, time: k.t });
    if (r.burstStart) snapshot = field;
    apply(r.outputs);
    if (r.action === 'pass' && k.key.length === 1) field += k.key;
    if (r.action === 'pass' && k.key === 'Enter') field += '\n';
  }
  const deadline = d.deadline();
  if (deadline !== null) apply(d.idle(deadline + 1));
  return { field, scans };
}

const typedText = (keys: Key[]) => keys.map((k) => (k.key === 'Enter' ? '\n' : k.key.length === 1 ? k.key : '')).join('');

function wpm(keys: Key[]): number {
  // Words per minute while typing: 5 characters a word, pauses between lines left out.
  let active = 0;
  for (let i = 1; i < keys.length; i++) if (keys[i]!.t - keys[i - 1]!.t < 1000) active += keys[i]!.t - keys[i - 1]!.t;
  return keys.filter((k) => k.key.length === 1).length / 5 / (active / 60_000);
}

describe('wedge detector', () => {
  it('has modelled human traces at the stated speeds', () => {
    expect(wpm(traces.humans.typist120wpm)).toBeGreaterThan(110);
    expect(wpm(traces.humans.typist80wpm)).toBeGreaterThan(70);
  });

  for (const [name, keys] of Object.entries(traces.humans)) {
    it(`sees no scan in human typing (${name}) and every typed key reaches the field in order`, () => {
      const { field, scans } = play(keys);
      expect(scans).toEqual([]);
      expect(field).toBe(typedText(keys));
    });
  }

  for (const [name, bursts] of Object.entries(traces.scanners)) {
    it(`recognises every scanner burst (${name}) and leaves the field untouched`, () => {
      for (const burst of bursts) {
        const { field, scans } = play(burst.keys);
        expect(scans).toEqual([burst.text]);
        expect(field).toBe('');
      }
    });
  }

  it('catches a scan in the middle of typing and keeps the typed text around it', () => {
    const typing = traces.humans.typist80wpm.slice(0, 40);
    const burst = traces.scanners.wiredEnter[0]!;
    const offset = typing.at(-1)!.t + 500 - burst.keys[0]!.t;
    const after = traces.humans.typist80wpm.slice(40, 60).map((k) => ({ ...k, t: k.t + 10_000 }));
    const keys = [...typing, ...burst.keys.map((k) => ({ ...k, t: k.t + offset })), ...after];
    const { field, scans } = play(keys);
    expect(scans).toEqual([burst.text]);
    expect(field).toBe(typedText(typing) + typedText(after));
  });

  it('keeps a multi-line code typed as one burst, its line breaks (Enter) inside, as one scan', () => {
    const text = 'JY13301010012345\n\n91330100MA2XXXXXX2';
    const keys = [...text].map((ch, i) => ({ key: ch === '\n' ? 'Enter' : ch, t: 100 + i * 4 }));
    keys.push({ key: 'Enter', t: 100 + text.length * 4 });
    expect(play(keys)).toEqual({ field: '', scans: [text] });
    // Tab-terminated scanners: an inner Tab is content too; then a shortcut ends the scan at once.
    const d = new WedgeDetector();
    for (const [i, key] of [...'ABCDEF', 'Tab', 'G', 'Tab'].entries()) d.key({ key, time: i * 4 });
    expect(d.key({ key: 's', time: 40, ctrlKey: true }).outputs).toEqual([{ type: 'scan', text: 'ABCDEF\tG' }]);
  });

  it('leaves short bursts and bursts without a suffix to the field', () => {
    const keys = [...'ABC12'].map((key, i) => ({ key, t: 100 + i * 5 })).concat({ key: 'Enter', t: 130 });
    expect(play(keys)).toEqual({ field: 'ABC12\n', scans: [] });
    const noSuffix = [...'ABCDEFGH'].map((key, i) => ({ key, t: 100 + i * 5 }));
    expect(play(noSuffix)).toEqual({ field: 'ABCDEFGH', scans: [] });
    expect(play(noSuffix, { requireSuffix: false })).toEqual({ field: '', scans: ['ABCDEFGH'] });
  });

  it('follows its configuration: a slower scanner needs a wider window', () => {
    const slow = [...'HK01-W03'].map((key, i) => ({ key, t: 100 + i * 45 })).concat({ key: 'Enter', t: 100 + 8 * 45 });
    expect(play(slow).scans).toEqual([]);
    expect(play(slow, { maxInterKeyMs: 50 }).scans).toEqual(['HK01-W03']);
    expect(play(slow, { maxInterKeyMs: 50, minLength: 10 }).scans).toEqual([]);
    expect(() => new WedgeDetector({ maxInterKeyMs: 0 })).toThrow(/参数无效/);
  });

  it('breaks a burst on shortcuts and key repeat', () => {
    const d = new WedgeDetector();
    d.key({ key: 'a', time: 0 });
    d.key({ key: 'b', time: 5 });
    expect(d.key({ key: 'c', time: 10, ctrlKey: true })).toEqual({ action: 'pass', burstStart: false, outputs: [{ type: 'release', text: 'b' }] });
    expect(d.key({ key: 'x', time: 20, repeat: true }).action).toBe('pass');
    expect(d.deadline()).toBeNull();
  });
});
