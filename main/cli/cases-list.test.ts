import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../auth/testing';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'yichuang.mjs');
const dir = tempDir('yc-cases-list-');
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, 'cases', ...args, '--data-dir', dir], { encoding: 'utf8', timeout: 150_000 });
const CASES = 503;

beforeAll(() => {
  const r = cli('create-demo', '--count', String(CASES), '--seed', '9');
  expect(r.status, r.stderr).toBe(0);
}, 200_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('yichuang cases list', { timeout: 150_000 }, () => {
  it('says on stderr when its default limit of 500 cut the list, with the total', () => {
    const r = cli('list');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(500);
    expect(r.stderr).toBe(`只显示了前 500 条（共 ${CASES} 条）；用 --limit N 或 --all 查看更多。\n`);
  });

  it('--all lists every case as JSON lines, and says nothing on stderr', () => {
    const r = cli('list', '--all', '--json');
    expect(r.status).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { caseNumber: string });
    expect(new Set(rows.map((c) => c.caseNumber)).size).toBe(CASES);
    expect(r.stderr).toBe('');
  });

  it('--limit N keeps stdout valid JSON and the note on stderr; --all with --limit is a usage error', () => {
    const r = cli('list', '--limit', '3', '--json');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l))).toHaveLength(3);
    expect(r.stderr).toContain(`只显示了前 3 条（共 ${CASES} 条）`);
    const exact = cli('list', '--limit', String(CASES));
    expect(exact.stderr).toBe('');
    expect(cli('list', '--all', '--limit', '3').status).toBe(2);
  });
});
