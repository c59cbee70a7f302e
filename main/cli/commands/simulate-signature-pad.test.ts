import { describe, expect, it } from 'vitest';
import { hexToBytes } from '../../../native/scanner/recorded-hid-transport';
import { BUILT_IN_PAD_MODELS } from '../../../native/signature-pad/pad-models';
import { StrokeAssembler } from '../../../native/signature-pad/stroke-assembler';
import { CliError } from '../util';
import { simulateSignaturePad } from './simulate-signature-pad';

function capture(opts: Parameters<typeof simulateSignaturePad>[0]): string[] {
  const lines: string[] = [];
  simulateSignaturePad(opts, (l) => lines.push(l));
  return lines;
}

describe('yichuang simulate signature-pad', () => {
  it('prints the reports of the sample signature, which parse back into its strokes and the key', () => {
    const lines = capture({ model: 'generic-hid-digitizer', finish: 'confirm', rate: '100' });
    expect(lines[0]).toMatch(/^0\t02 20 [0-9A-F ]+$/);
    const asm = new StrokeAssembler(BUILT_IN_PAD_MODELS[0]!);
    const types = lines.flatMap((l) => {
      const [at, hex] = l.split('\t');
      return asm.push(hexToBytes(hex!), Number(at)).map((o) => o.type);
    });
    expect(types).toEqual(['stroke', 'stroke', 'stroke', 'stroke', 'confirm']);
    const json = JSON.parse(capture({ model: 'wacom-stu-430', finish: 'none', rate: '200', json: true }).join('\n'));
    expect(json.model).toBe('wacom-stu-430');
    expect(json.reports[1]).toEqual({ at: 5, hex: expect.stringMatching(/^01 9/) });
  });

  it('refuses an unknown model, a key the model lacks, and a bad rate, in Chinese', () => {
    expect(() => capture({ model: 'nope', finish: 'none', rate: '200' })).toThrow(/^没有签名板型号 nope。可用：generic-hid-digitizer、/);
    expect(() => capture({ model: 'wacom-stu-430', finish: 'confirm', rate: '200' })).toThrow('型号 wacom-stu-430 没有“confirm”键，请用 --finish none。');
    expect(() => capture({ model: 'wacom-stu-430', finish: 'ok', rate: '200' })).toThrow(CliError);
    expect(() => capture({ model: 'wacom-stu-430', finish: 'none', rate: '0' })).toThrow('--rate 须在 1–2000 之间：0');
  });
});
