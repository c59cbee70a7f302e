import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { App } from '../app/app';
import { CLEAR_MAGIC } from './testing';

/** A router answer's value, or the test fails with its error. */
export function ok<T>(r: { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** An item with required materials and its accept-ready material list, from the seed catalog. */
export async function sampleItem(app: App): Promise<{ itemCode: string; codes: string[]; materials: Array<{ code: string; state: 'received' }> }> {
  const search = ok<{ items: Array<{ code: string; name: string }> }>(await app.invoke('catalog.search', { q: 'shehuibaozhangka', limit: 5 }));
  const item = search.items.find((i) => i.name === '社会保障卡申领')!;
  const detail = ok<{ materials: Array<{ code: string; required: boolean }> }>(await app.invoke('catalog.item', { code: item.code }));
  const codes = detail.materials.filter((m) => m.required).map((m) => m.code);
  return { itemCode: item.code, codes, materials: codes.map((code) => ({ code, state: 'received' as const })) };
}

export const newDraftId = (): string => crypto.randomUUID();

/** Every file under `dir` that holds a plaintext JPEG, PNG or PDF signature (none may). */
export function clearImagesIn(dir: string): string[] {
  const hits: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const b = fs.readFileSync(file);
    // A 3-byte JPEG start is likely somewhere in megabytes of ciphertext by chance: look for it at the start
    // of a file, and anywhere for the longer signatures (JFIF/Exif headers, the PNG and PDF magic).
    if (b.subarray(0, 3).equals(CLEAR_MAGIC.jpeg) || [CLEAR_MAGIC.pdf, Buffer.from('JFIF\0', 'latin1'), Buffer.from('Exif\0\0', 'latin1'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])].some((m) => b.includes(m)))
      hits.push(path.relative(dir, file));
  }
  return hits;
}
