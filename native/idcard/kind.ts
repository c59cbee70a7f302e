import type { DeviceKindSpec } from '../devices/driver';
import { probeIdCardReader } from './probe';
import { IdCardReader, type IdCardReaderOptions } from './reader';

/** The `idcard` device kind for the DeviceManager. */
export function idCardKind(defaults: IdCardReaderOptions = {}): DeviceKindSpec {
  return {
    kind: 'idcard',
    label: '身份证阅读器',
    defaultBaud: 115200,
    create: (ctx) => new IdCardReader(ctx, { ...defaults, baud: ctx.device.baud ?? defaults.baud }),
    probe: (path) => probeIdCardReader(path),
  };
}
