import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import builtIn from './pad-models.json';
import { BUILT_IN_PAD_MODELS, findPadModel, loadPadModelsFile, padKnownDevices, parsePadModels } from './pad-models';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function writeModels(json: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-pad-models-'));
  dirs.push(dir);
  const file = path.join(dir, 'pads.json');
  fs.writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
  return file;
}

const generic = builtIn.models[0]!;

describe('signature pad model table', () => {
  it('marks where each layout comes from, and has one generic digitizer entry', () => {
    for (const m of BUILT_IN_PAD_MODELS) expect(['generic-hid-digitizer', 'vendor-unconfirmed']).toContain(m.source.kind);
    const generics = BUILT_IN_PAD_MODELS.filter((m) => m.vendorId === '*');
    expect(generics.map((m) => [m.key, m.source.kind, m.usagePage])).toEqual([['generic-hid-digitizer', 'generic-hid-digitizer', 0x0d]]);
  });

  it('picks the model by VID/PID, then vendor, then the generic layout', () => {
    expect(findPadModel(0x056a, 0x00a4).key).toBe('wacom-stu-430');
    expect(findPadModel('056A', '00A8').key).toBe('wacom-stu-540');
    expect(findPadModel(0x056a, 0x0001).key).toBe('generic-hid-digitizer'); // no vendor-wide Wacom entry
    const vendorWide = parsePadModels({ models: [{ ...generic, key: 'acme-any', vendorId: '1234', productId: null }] });
    expect(findPadModel(0x1234, 0x9999, vendorWide).key).toBe('acme-any');
  });

  it('lists pads with an exact VID/PID for discovery', () => {
    expect(padKnownDevices().map((d) => `${d.vendorId}:${d.productId}:${d.kind}`)).toEqual(['056a:00a4:signaturePad', '056a:00a5:signaturePad', '056a:00a8:signaturePad']);
  });

  it('takes new models and corrections from a file, without a code change', () => {
    const file = writeModels({
      models: [
        { ...generic, key: 'acme-sp100', name: 'ACME SP100', vendorId: '1234', productId: 'abcd', source: { kind: 'vendor-unconfirmed', note: 'test' } },
        { ...BUILT_IN_PAD_MODELS.find((m) => m.key === 'wacom-stu-430')!, pen: { ...BUILT_IN_PAD_MODELS[1]!.pen, x: { offset: 3, size: 2, endian: 'big', max: 9000 } } },
      ],
    });
    const models = loadPadModelsFile(file);
    expect(findPadModel(0x1234, 0xabcd, models).name).toBe('ACME SP100');
    expect(findPadModel(0x056a, 0x00a4, models).pen.x.max).toBe(9000);
    expect(models.filter((m) => m.key === 'wacom-stu-430')).toHaveLength(1);
    expect(models.length).toBe(BUILT_IN_PAD_MODELS.length + 1);
  });

  it('refuses a bad file with a Chinese message that names the entry', () => {
    const outside = writeModels({ models: [{ ...generic, pen: { ...generic.pen, pressure: { offset: 7, size: 2, endian: 'little', max: 1023 } } }] });
    expect(() => loadPadModelsFile(outside)).toThrow(/^签名板型号表无效（models\.0\.pen\.pressure）：字段 pressure 超出报告最小长度 8$/);
    const bothKeyForms = writeModels({ models: [{ ...generic, buttons: { reportId: 3, minLength: 2, keys: { confirm: { byte: 1, bit: 0, value: 1 } } } }] });
    expect(() => loadPadModelsFile(bothKeyForms)).toThrow(/按键须给出 bit 或 value 之一/);
    expect(() => loadPadModelsFile(writeModels('{ not json'))).toThrow(/^无法读取签名板型号文件 .*pads\.json：/);
  });
});
