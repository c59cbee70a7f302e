import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { collectDiagnostics, type DiagEntry, type DiagSources } from './collect';
import { findIdNumbers } from './pii-scan';

/** The bundle would have carried an ID number: nothing is written. */
export class DiagPiiError extends Error {
  constructor(readonly entries: string[]) {
    super(`诊断包中发现疑似身份证号（${entries.join('、')}），为保护个人信息未导出。请把此情况报告给开发人员。`);
    this.name = 'DiagPiiError';
  }
}

/**
 * Writes the diagnostics zip: collect (already redacted), scan every entry for a valid ID number
 * once more (a last line of defence against a new log field nobody masked), then write atomically.
 */
export async function exportDiagnostics(file: string, sources: DiagSources): Promise<{ file: string; entries: string[]; bytes: number }> {
  const entries = await collectDiagnostics(sources);
  assertNoIdNumbers(entries);
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.partial`;
  const mtime = (sources.now ?? (() => new Date()))();
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(Buffer.from(e.text, 'utf8'), e.name, { mtime, mode: 0o600 });
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(tmp, { mode: 0o600 });
    out.on('error', reject);
    out.on('close', () => resolve());
    zip.outputStream.on('error', reject).pipe(out);
  });
  fs.renameSync(tmp, target);
  return { file: target, entries: entries.map((e) => e.name), bytes: fs.statSync(target).size };
}

export function assertNoIdNumbers(entries: DiagEntry[]): void {
  const leaking = entries.filter((e) => findIdNumbers(e.text).length > 0).map((e) => e.name);
  if (leaking.length) throw new DiagPiiError(leaking);
}
