import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import builtInPads from '../../../native/signature-pad/pad-models.json';
import type { Logger } from '../../../platform/log/logger';
import { builtInKinds } from './in-process';

const dirs: string[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function file(content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-kinds-'));
  dirs.push(dir);
  const f = path.join(dir, 'table.json');
  fs.writeFileSync(f, content);
  return f;
}

const padIds = (log?: Logger) =>
  builtInKinds(log)
    .find((k) => k.kind === 'signaturePad')!
    .knownDevices!.map((d) => `${d.vendorId}:${d.productId}`);

describe('built-in device kinds', () => {
  it('drive ID card readers, scanners and signature pads; a pad model file adds pads without a code change', () => {
    expect(builtInKinds().map((k) => k.kind)).toEqual(['idcard', 'scanner', 'signaturePad']);
    const extra = { ...builtInPads.models[0]!, key: 'acme-sp100', name: 'ACME SP100', vendorId: '1234', productId: 'abcd', source: { kind: 'vendor-unconfirmed', note: 't' } };
    vi.stubEnv('YICHUANG_SIGNATURE_PAD_MODELS', file(JSON.stringify({ models: [extra] })));
    expect(padIds()).toContain('1234:abcd');
  });

  it('log a bad table file and keep the built-in table', () => {
    vi.stubEnv('YICHUANG_SIGNATURE_PAD_MODELS', file('{ "models": [] }'));
    const error = vi.fn();
    expect(padIds({ error } as unknown as Logger)).toEqual(['056a:00a4', '056a:00a5', '056a:00a8']);
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ envVar: 'YICHUANG_SIGNATURE_PAD_MODELS' }), 'device table file ignored');
  });
});
