import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backgroundCheckReason, lastQuickCheckOk, QUICK_CHECK_MAX_AGE_MS, recordQuickCheck } from './check-policy';
import { openDatabase, type Database } from './database';

// A large file's background quick_check runs after an unclean shutdown or when the last good check
// is a day old, and a clean restart the same day skips it (check-policy.ts).

const dirs: string[] = [];
const opened: Database[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close().catch(() => undefined);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A data folder whose last good check is `ago` ms before now, closed cleanly. */
async function folderCheckedAgo(ago: number): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-check-'));
  dirs.push(dir);
  const d = await openDatabase(dir);
  await recordQuickCheck(d.db, true, new Date(Date.now() - ago));
  await d.close();
  return dir;
}

/** Opens as a large file would be (the check after start), and waits for the check's verdict if one runs. */
async function openLarge(dir: string) {
  const d = await openDatabase(dir, { quickCheckAtOpenMaxBytes: 0, backgroundCheckDelayMs: 0 });
  opened.push(d);
  for (let i = 0; i < 200 && d.startCheck().state === 'running'; i++) await new Promise((r) => setTimeout(r, 25));
  return d;
}

/** A real writer process killed with the folder open (SIGKILL: no close, no clean-up). */
function openAndDie(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'fixtures', 'open-and-die.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' && out.includes('open') ? resolve() : reject(new Error(`child ended with ${signal ?? _code}: ${out}`))));
  });
}

describe('the background quick_check policy', () => {
  it('a clean restart the same day skips it, and keeps the last good check', async () => {
    const dir = await folderCheckedAgo(60 * 60_000);
    const before = await (async () => {
      const d = await openDatabase(dir, { skipQuickCheck: true });
      const v = await lastQuickCheckOk(d.db);
      await d.close();
      return v;
    })();
    const d = await openLarge(dir);
    expect(d.startCheck()).toMatchObject({ mode: 'background', state: 'skipped', ms: null });
    expect(d.startCheck().detail).toContain('正常关闭');
    expect(await lastQuickCheckOk(d.db)).toBe(before);
  });

  it('runs when the last good check is older than a day, and remembers the new one', async () => {
    const dir = await folderCheckedAgo(QUICK_CHECK_MAX_AGE_MS + 60_000);
    const d = await openLarge(dir);
    expect(d.startCheck()).toMatchObject({ mode: 'background', state: 'ok' });
    await d.close();
    const again = await openLarge(dir);
    expect(Date.now() - Date.parse((await lastQuickCheckOk(again.db))!)).toBeLessThan(QUICK_CHECK_MAX_AGE_MS);
    // Checked just now and closed cleanly: the next start skips it.
    expect(again.startCheck().state).toBe('skipped');
  });

  it('runs after an unclean shutdown, however recent the last good check', async () => {
    const dir = await folderCheckedAgo(60_000);
    await openAndDie(dir);
    const d = await openLarge(dir);
    expect(d.startCheck()).toMatchObject({ mode: 'background', state: 'ok' });
    await d.close();
    // That start closed cleanly: the one after it skips.
    expect((await openLarge(dir)).startCheck().state).toBe('skipped');
  });

  it('decides by the marker and the age alone', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000).toISOString();
    expect(backgroundCheckReason(false, hoursAgo(23), now)).toBeNull();
    expect(backgroundCheckReason(true, hoursAgo(1), now)).toBe('unclean-shutdown');
    expect(backgroundCheckReason(false, hoursAgo(24), now)).toBe('due');
    expect(backgroundCheckReason(false, null, now)).toBe('never-checked');
    expect(backgroundCheckReason(false, 'not a date', now)).toBe('never-checked');
    // A clock set back: the age is unknown, so the check is due.
    expect(backgroundCheckReason(false, hoursAgo(-2), now)).toBe('due');
  });
});
