import { toHex } from '../../../native/devices';
import { BUILT_IN_PAD_MODELS, loadPadModelsFile } from '../../../native/signature-pad/pad-models';
import { simulateSignature } from '../../../native/signature-pad/simulator';
import { PAD_KEYS, type PadKey } from '../../../native/signature-pad/types';
import { CliError, parsePositiveInt } from '../util';

export interface SimulatePadOptions {
  model: string;
  models?: string;
  finish: string;
  rate: string;
  json?: boolean;
}

/**
 * `yichuang simulate signature-pad --model KEY [--models FILE] [--finish confirm|clear|cancel|none] [--rate HZ] [--json]`:
 * prints the reports a pad of that model sends for the sample signature (王), one `ms<TAB>hex` line
 * each, or JSON in the shape of the test fixtures. No virtual HID device is made (that needs root,
 * uhid): the output feeds tests and checks a new model file's layout.
 */
export function simulateSignaturePad(opts: SimulatePadOptions, out: (line: string) => void = (l) => process.stdout.write(l + '\n')): void {
  let models = BUILT_IN_PAD_MODELS;
  if (opts.models) {
    try {
      models = loadPadModelsFile(opts.models);
    } catch (err) {
      throw new CliError((err as Error).message, 2);
    }
  }
  const model = models.find((m) => m.key === opts.model);
  if (!model) throw new CliError(`没有签名板型号 ${opts.model}。可用：${models.map((m) => m.key).join('、')}`, 2);
  if (opts.finish !== 'none' && !(PAD_KEYS as readonly string[]).includes(opts.finish))
    throw new CliError(`--finish 只能是 ${PAD_KEYS.join('、')} 或 none：${opts.finish}`, 2);
  const finish = opts.finish === 'none' ? null : (opts.finish as PadKey);
  if (finish && !model.buttons?.keys[finish]) throw new CliError(`型号 ${model.key} 没有“${finish}”键，请用 --finish none。`, 2);
  const rateHz = parsePositiveInt(opts.rate, '--rate');
  if (rateHz < 1 || rateHz > 2000) throw new CliError(`--rate 须在 1–2000 之间：${opts.rate}`, 2);
  const reports = simulateSignature(model, undefined, { finish, rateHz }).map((r) => ({ at: r.at, hex: toHex(r.report) }));
  if (opts.json) out(JSON.stringify({ model: model.key, reports }, null, 2));
  else for (const r of reports) out(`${r.at}\t${r.hex}`);
}
