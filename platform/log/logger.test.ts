import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeLogging, configureLogging, createLogger } from './logger';
import { RotatingFile } from './rotating-file';

describe('logging', () => {
  it('writes subsystem lines to the data folder with ID numbers, names and photos redacted', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-log-'));
    configureLogging(dir);
    const log = createLogger('idcard');
    log.info({ idNumber: '46010219900101002X', name: '张三', photo: Buffer.alloc(1024), nested: { note: '身份证 46010219900101002X 已读' } }, 'card read for 460102199001010021');
    closeLogging();
    const text = fs.readFileSync(path.join(dir, 'logs', 'yichuang.log'), 'utf8');
    expect(text).toContain('"sub":"idcard"');
    expect(text).not.toMatch(/46010219900101002X|460102199001010021|张三/);
    expect(text).toContain('4601**********002X');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('redacts the appended address (追加地址) of a card like its address', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-log-'));
    configureLogging(dir);
    createLogger('intake').warn({ card: { address: '海南省海口市龙华区滨海大道105号', appendedAddress: '海南省海口市龙华区金贸街道国贸路28号' } }, 'card');
    closeLogging();
    const text = fs.readFileSync(path.join(dir, 'logs', 'yichuang.log'), 'utf8');
    expect(text).toContain('"appendedAddress":"[redacted]"');
    expect(text).not.toMatch(/滨海大道|金贸街道/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rotates files by size and keeps a bounded number', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-rot-'));
    const f = new RotatingFile(path.join(dir, 'x.log'), 100, 2);
    for (let i = 0; i < 20; i++) f.write(`line ${i} ${'.'.repeat(30)}\n`);
    f.close();
    expect(fs.readdirSync(dir).sort()).toEqual(['x.1.log', 'x.2.log', 'x.log']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
