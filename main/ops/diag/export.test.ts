import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { withIdCheckChar } from '../../../common/domain/id-number';
import { toHex } from '../../../native/devices';
import { createApp } from '../../app/app';
import { closeLogging, createLogger } from '../../../platform/log/logger';
import { useTempDirs } from '../testing';
import { DiagPiiError, assertNoIdNumbers, exportDiagnostics } from './export';
import { findIdNumbers } from './pii-scan';

const ID = withIdCheckChar('11010519491231002');
const tempDir = useTempDirs('yc-diag-');

function readZip(file: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, string>();
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('entry', (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

describe('pii scan', () => {
  it('finds valid ID numbers in text and inside hex dumps (UCS-2 card text, ASCII), ignores invalid ones', () => {
    expect(findIdNumbers(`x${ID}y`)).toEqual([ID]);
    expect(findIdNumbers('110105194912310021')).toEqual([]); // wrong check character
    expect(findIdNumbers(toHex(Buffer.from(`张三${ID}`, 'utf16le')))).toEqual([ID]);
    expect(findIdNumbers(toHex(Buffer.from(`AB${ID}`, 'latin1')))).toEqual([ID]);
    expect(() => assertNoIdNumbers([{ name: 'logs/a.log', text: ID }])).toThrow(DiagPiiError);
  });
});

describe('yichuang diag export', () => {
  it('writes a zip of config, versions, device table, logs, frames, db check and sync state with no ID number', async () => {
    const dataDir = tempDir();
    const app = await createApp({ dataDir, mode: 'normal', transport: 'test' });
    app.services.settings.update({ hall: { code: '3301', name: '市民中心' }, queue: { token: 'q-secret-diag' }, devices: [{ id: 'idcard-1', kind: 'idcard', port: '/dev/ttyUSB0' }] });
    // What a careless log call or a raw error would leave behind.
    createLogger('test').info({ idNumber: ID, name: '张三' }, `read card ${ID}`);
    await app.services.database.db
      .insertInto('outbox')
      .values({ id: 'o1', kind: 'case.accepted', aggregate_id: 'c1', payload: JSON.stringify({ idNumber: ID }), created_at: new Date().toISOString(), last_error: `central refused ${ID}` })
      .execute();
    await app.close();
    closeLogging();
    fs.appendFileSync(path.join(dataDir, 'logs', 'yichuang.log'), `plain text line ${ID}\n{"msg":"raw","idNumber":"${ID}","detail":"x ${ID}"}\n`);
    const cardFrame = toHex(Buffer.concat([Buffer.from('AAAAAA96690508000090', 'hex'), Buffer.from(`张三${ID}北京市`, 'utf16le')]));

    const file = path.join(dataDir, 'export', 'diag.zip');
    const result = await exportDiagnostics(file, {
      dataDir,
      appVersion: '9.9.9',
      listPorts: async () => [{ path: '/dev/ttyUSB0', vendorId: '0400', productId: 'C35A' }],
      devices: {
        list: () => [{ id: 'idcard-1', kind: 'idcard', port: '/dev/ttyUSB0', state: 'connected', reason: null, baud: 115200, model: null, details: {}, at: new Date().toISOString() }],
        frames: () => [
          { dir: 'tx', hex: 'AA AA AA 96 69 00 03 30 01 32', at: '2026-11-27T00:00:00.000Z' },
          { dir: 'rx', hex: cardFrame, at: '2026-11-27T00:00:01.000Z' },
        ],
      },
    });

    const zip = await readZip(result.file);
    expect([...zip.keys()]).toEqual([
      'manifest.json',
      'config/settings.json',
      'versions.json',
      'devices.json',
      'db-check.json',
      'sync-state.json',
      'frames/idcard-1.json',
      'logs/yichuang.log',
    ]);
    for (const [name, text] of zip) {
      expect(findIdNumbers(text), name).toEqual([]);
      expect(text, name).not.toContain(ID);
      expect(text, name).not.toContain('张三');
    }
    const manifest = JSON.parse(zip.get('manifest.json')!);
    expect(manifest).toMatchObject({ appVersion: '9.9.9', hall: '3301' });
    expect(JSON.parse(zip.get('config/settings.json')!).settings.hall).toMatchObject({ code: '3301', name: '市民中心' });
    expect(JSON.parse(zip.get('config/settings.json')!).settings.queue.token).toBe('(已设置，未导出)');
    expect(zip.get('config/settings.json')).not.toContain('q-secret-diag');
    expect(JSON.parse(zip.get('versions.json')!)).toMatchObject({ app: '9.9.9', node: process.versions.node, modules: { sqlite3: expect.any(String) } });
    expect(JSON.parse(zip.get('devices.json')!)).toMatchObject({ configured: [{ id: 'idcard-1' }], live: [{ state: 'connected' }], ports: [{ path: '/dev/ttyUSB0' }] });
    expect(JSON.parse(zip.get('db-check.json')!)).toMatchObject({ exists: true, check: 'ok', tables: { outbox: 1 } });
    expect(JSON.parse(zip.get('sync-state.json')!)).toMatchObject({ outbox: { pending: 1 }, recentErrors: [{ kind: 'case.accepted' }] });
    const frames = JSON.parse(zip.get('frames/idcard-1.json')!);
    expect(frames[0].hex).toBe('AA AA AA 96 69 00 03 30 01 32');
    expect(frames[1].hex).toMatch(/^AA AA AA 96 69 05 08 00 00 90 …\(已隐去/);
    expect(zip.get('logs/yichuang.log')).toContain('1101**********002X');
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
  });

  it('from the CLI with a fresh data folder: still a bundle, saying what is missing', async () => {
    const dataDir = tempDir();
    const result = await exportDiagnostics(path.join(dataDir, 'd.zip'), { dataDir, appVersion: '1', listPorts: async () => Promise.reject(new Error('no udev')) });
    const zip = await readZip(result.file);
    expect([...zip.keys()]).toEqual(['manifest.json', 'config/settings.json', 'versions.json', 'devices.json', 'db-check.json', 'sync-state.json', 'frames/README.txt', 'logs/README.txt']);
    expect(JSON.parse(zip.get('devices.json')!).portListingError).toMatch(/无法列出串口/);
    expect(JSON.parse(zip.get('db-check.json')!)).toMatchObject({ exists: false });
  });
});

describe('diag.export (maintenance, in the app)', () => {
  it('writes the bundle under <data>/diagnostics with the live device table, audited', async () => {
    const dataDir = tempDir();
    const app = await createApp({ dataDir, mode: 'normal', transport: 'test' });
    try {
      const maintenance = { session: { staffId: 'm1', name: '运维', roles: ['maintenance' as const] } };
      const r = await app.router.invoke('diag.export', undefined, maintenance);
      if (!r.ok) throw new Error(r.error.message);
      const value = r.value as { file: string; entries: string[] };
      expect(path.dirname(value.file)).toBe(path.join(dataDir, 'diagnostics'));
      expect(value.entries).not.toContain('frames/README.txt');
      expect(JSON.parse((await readZip(value.file)).get('devices.json')!).live).toEqual(expect.any(Array));
      const audit = await app.services.database.db.selectFrom('audit_log').select('action').where('action', '=', 'diag.export').execute();
      expect(audit).toHaveLength(1);
      const clerk = { session: { staffId: 'c1', name: '窗口', roles: ['clerk' as const] } };
      expect(await app.router.invoke('diag.export', undefined, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      await app.close();
    }
  });
});
