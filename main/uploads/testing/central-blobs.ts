import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { CentralProcess } from '../../../central/testing/central-process';

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/**
 * The central holds each expected blob exactly once: one received row per sha256, and among the
 * upload store's files exactly one holds those bytes, byte for byte.
 */
export async function expectHeldOnce(central: CentralProcess, expected: Buffer[]): Promise<void> {
  const { blobs } = (await central.admin('/v1/admin/blobs')) as { blobs: Array<{ sha256: string; size: number; uploadId: string }> };
  const uploads = path.join(central.dataDir, 'uploads');
  const files = fs.readdirSync(uploads).filter((f) => !f.endsWith('.json'));
  const complete = new Map<string, number>();
  for (const f of files) {
    const h = sha256(fs.readFileSync(path.join(uploads, f)));
    complete.set(h, (complete.get(h) ?? 0) + 1);
  }
  for (const bytes of expected) {
    const rows = blobs.filter((b) => b.sha256 === sha256(bytes));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.size).toBe(bytes.length);
    expect(fs.readFileSync(path.join(uploads, rows[0]!.uploadId)).equals(bytes)).toBe(true);
    expect(complete.get(sha256(bytes))).toBe(1);
  }
}
