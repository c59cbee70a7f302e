import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'yichuang.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 150_000 });

// The command tree is a contract with field staff and scripts.
const TREE = [
  'devices list',
  'idcard read',
  'scanner read',
  'simulate idcard',
  'simulate scanner',
  'simulate signature-pad',
  'simulate queue',
  'simulate queue-caller',
  'queue status',
  'queue next',
  'queue transfer',
  'queue hall',
  'simulate document-camera',
  'catalog search',
  'calendar add-workdays',
  'cases create-demo',
  'cases list',
  'db check',
  'enroll',
  'sync run',
  'sync status',
  'uploads status',
  'uploads retry',
  'central serve',
  'central enroll-code',
  'central stats',
  'central backup',
  'central restore',
  'central new-generation',
  'keys export',
  'keys import',
  'host',
  'diag export',
];

describe('yichuang CLI', { timeout: 160_000 }, () => {
  it('--help lists the whole command tree', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    for (const cmd of TREE) expect(r.stdout).toMatch(new RegExp(`^\\s+${cmd}\\b`, 'm'));
  });

  it('an unknown command exits non-zero', () => {
    expect(run('frobnicate').status).not.toBe(0);
  });
});
