import fs from 'node:fs';
import path from 'node:path';
import { checkIdNumber } from '../../common/domain/id-number';

export interface ClearIdFinding {
  file: string;
  encoding: 'ascii' | 'utf16le';
  offset: number;
  /** Masked: a scan report must not itself leak the number. */
  masked: string;
}

const ID_RUN = /(?<![0-9])\d{17}[\dXx](?![0-9])/g;

/**
 * Looks through every file under a folder (database, WAL, logs, backups, anything) for valid
 * resident ID numbers stored in clear, as ASCII/UTF-8 and as UTF-16LE at both byte alignments.
 * Used by the acceptance test; also handy for a maintenance check of a real window's data folder.
 */
export function scanFolderForClearIds(dir: string): ClearIdFinding[] {
  const findings: ClearIdFinding[] = [];
  for (const file of walk(dir)) {
    const bytes = fs.readFileSync(file);
    scanText(bytes.toString('latin1'), file, 'ascii', (i) => i, findings);
    for (const align of [0, 1]) {
      const slice = bytes.subarray(align, align + ((bytes.length - align) & ~1));
      scanText(slice.toString('utf16le'), file, 'utf16le', (i) => align + i * 2, findings);
    }
  }
  return findings;
}

function scanText(text: string, file: string, encoding: ClearIdFinding['encoding'], offsetOf: (i: number) => number, out: ClearIdFinding[]): void {
  for (const m of text.matchAll(ID_RUN)) {
    const id = m[0].toUpperCase();
    if (!checkIdNumber(id).valid || id.startsWith('9')) continue;
    out.push({ file, encoding, offset: offsetOf(m.index), masked: `${id.slice(0, 4)}**********${id.slice(-4)}` });
  }
}

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}
