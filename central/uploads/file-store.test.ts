import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Upload } from '@tus/server';
import { afterEach, expect, test } from 'vitest';
import { LeanFileStore } from './file-store';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const store = (directory?: string) => {
  const dir = directory ?? fs.mkdtempSync(path.join(os.tmpdir(), 'yc-lean-store-'));
  dirs.push(dir);
  return new LeanFileStore({ directory: dir, expirationPeriodInMilliseconds: 3600_000 });
};

test('an upload answered from memory until its first byte matches what the disk says after a restart', async () => {
  const s = store();
  const created = await s.create(new Upload({ id: 'u-1', size: 10, offset: 0, metadata: { sha256: 'x' } }));
  const fromMemory = await s.getUpload('u-1');
  const fromDisk = await store(s.directory).getUpload('u-1');
  expect(fromMemory).toMatchObject({ id: 'u-1', size: 10, offset: 0, metadata: { sha256: 'x' }, creation_date: created.creation_date });
  expect(fromDisk).toMatchObject({ id: 'u-1', size: 10, offset: 0, metadata: { sha256: 'x' }, creation_date: created.creation_date });
  // A caller changing its copy changes nothing for the next one.
  fromMemory.metadata!.sha256 = 'y';
  fromMemory.offset = 4;
  expect(await s.getUpload('u-1')).toMatchObject({ offset: 0, metadata: { sha256: 'x' } });

  s.writing('u-1');
  fs.writeFileSync(path.join(s.directory, 'u-1'), 'abcd');
  expect((await s.getUpload('u-1')).offset).toBe(4);
});

test('a removed upload is gone from memory too', async () => {
  const s = store();
  await s.create(new Upload({ id: 'u-2', size: 3, offset: 0 }));
  await s.remove('u-2');
  await expect(s.getUpload('u-2')).rejects.toMatchObject({ status_code: 404 });
});
