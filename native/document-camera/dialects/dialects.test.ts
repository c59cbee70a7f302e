import { describe, expect, it } from 'vitest';
import { genericDialect } from './generic';
import { liangtianDialect } from './liangtian';

// A 4-byte "JPEG" (FF D8 FF D9) is enough for the codec: it checks the magic, not the picture.
const JPEG_B64 = Buffer.from([0xff, 0xd8, 0xff, 0xd9]).toString('base64');

describe('wire format of each dialect (literal JSON, as PROTOCOL.md writes it)', () => {
  it('generic: requests, replies, frames', () => {
    expect(JSON.parse(genericDialect.encodeRequest('7', { op: 'open', device: 0, resolution: { width: 2592, height: 1944 } }))).toEqual({ id: '7', cmd: 'open', device: 0, width: 2592, height: 1944 });
    expect(JSON.parse(genericDialect.encodeRequest('8', { op: 'capture' }))).toEqual({ id: '8', cmd: 'capture' });
    const reply = genericDialect.decodeIncoming(JSON.stringify({ id: '8', ok: true, result: { image: JPEG_B64, width: 10, height: 20 } }));
    expect(reply).toMatchObject({ kind: 'reply', id: '8', ok: true });
    const still = genericDialect.readResult('capture', (reply as { value: unknown }).value);
    expect([...still.jpeg]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
    expect(genericDialect.decodeIncoming('{"id":"9","ok":false,"error":"无纸"}')).toEqual({ kind: 'reply', id: '9', ok: false, message: '无纸' });
    expect(genericDialect.decodeIncoming(JSON.stringify({ event: 'preview', image: JPEG_B64, width: 640, height: 480 }))).toMatchObject({ kind: 'frame', frame: { width: 640, height: 480 } });
    expect(genericDialect.readResult('listResolutions', [{ width: 640, height: 480 }, { width: 2592, height: 1944 }])[0]).toEqual({ width: 2592, height: 1944 });
  });

  it('liangtian: FuncName requests, W*H sizes, result codes, data-URL images', () => {
    expect(JSON.parse(liangtianDialect.encodeRequest('1', { op: 'open', device: 1, resolution: { width: 1600, height: 1200 } }))).toEqual({ reqId: '1', FuncName: 'OpenDevice', argument: { devIndex: 1, resolution: '1600*1200' } });
    expect(JSON.parse(liangtianDialect.encodeRequest('2', { op: 'capture' }))).toEqual({ reqId: '2', FuncName: 'ScanImage', argument: {} });
    const ok = liangtianDialect.decodeIncoming(JSON.stringify({ reqId: '2', FuncName: 'ScanImage', result: 0, data: { img: `data:image/jpeg;base64,${JPEG_B64}`, size: '2592*1944' } }));
    const still = liangtianDialect.readResult('capture', (ok as { value: unknown }).value);
    expect([still.width, still.height, still.jpeg.length]).toEqual([2592, 1944, 4]);
    expect(liangtianDialect.decodeIncoming('{"reqId":"3","FuncName":"ScanImage","result":-2,"errMsg":"设备未连接"}')).toEqual({ kind: 'reply', id: '3', ok: false, message: '设备未连接' });
    expect(liangtianDialect.decodeIncoming('{"reqId":"4","FuncName":"ScanImage","result":5}')).toMatchObject({ ok: false, message: '错误码 5' });
    expect(liangtianDialect.readResult('listDevices', ['主', '副'])).toEqual([{ index: 0, name: '主' }, { index: 1, name: '副' }]);
    expect(() => liangtianDialect.readResult('listResolutions', ['big'])).toThrow(/无法识别/);
  });

  it('refuses an answer that is not a JPEG, in Chinese', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64');
    expect(() => genericDialect.readResult('capture', { image: png, width: 1, height: 1 })).toThrow('高拍仪服务返回的图像不是 JPEG');
  });
});
