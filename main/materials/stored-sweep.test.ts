import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AesGcmPiiCipher } from '../crypto/pii-cipher';
import { openDatabase, type Database } from '../db/database';
import { createMaterials } from './module';
import { blobPath, materialsDirs } from './paths';

let database: Database | null = null;
let closeMaterials: (() => unknown) | null = null;
afterEach(async () => {
  closeMaterials?.();
  await database?.close();
  database = null;
});

describe('materials start-up', () => {
  it('sweeps the stored PDFs after start, not on the way to the first screen: an old orphan goes a moment later', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-stored-sweep-'));
    database = await openDatabase(dataDir);
    const orphan = blobPath(materialsDirs(dataDir).blobs, crypto.randomBytes(32).toString('hex'));
    fs.mkdirSync(path.dirname(orphan), { recursive: true });
    fs.writeFileSync(orphan, 'no row names this file');
    const old = new Date(Date.now() - 2 * 3600_000);
    fs.utimesSync(orphan, old, old);
    const deps = { database, pii: new AesGcmPiiCipher(crypto.randomBytes(32)), dataDir, retentionDays: () => 30 };

    const late = await createMaterials({ ...deps, storedSweepDelayMs: 600_000 });
    expect(fs.existsSync(orphan)).toBe(true); // started without reading the stored files
    late.close();

    const soon = await createMaterials({ ...deps, storedSweepDelayMs: 0 });
    closeMaterials = soon.close;
    for (let i = 0; i < 100 && fs.existsSync(orphan); i++) await new Promise((r) => setTimeout(r, 20));
    expect(fs.existsSync(orphan)).toBe(false);
  });
});
