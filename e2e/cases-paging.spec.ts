import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, screenshotPath, startHostProcess, test as base, type RunningHost } from './host-fixture';

const ROOT = path.resolve(import.meta.dirname, '..');
const CASES = 230;

// A window with years of cases (the bench fixture, written in bulk), served by a real host.
const test = base.extend<{ years: RunningHost }>({
  years: async ({}, use) => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yc-e2e-years-')), 'data');
    execFileSync(process.execPath, [path.join(ROOT, 'bin', 'bench.mjs'), 'fixture', '--cases', String(CASES), '--out', dataDir], { cwd: ROOT, stdio: 'pipe' });
    const host = await startHostProcess({ demo: true, dataDir });
    await use(host);
    await host.stop();
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  },
});

test.setTimeout(300_000);

test('我的办件 pages through years of cases from main, a page at a time', async ({ page, years }) => {
  await page.goto(years.openUrl);
  // Alt+2 pressed before the frame has registered its hotkeys is lost: press until the screen shows.
  await expect(async () => {
    await page.keyboard.press('Alt+2');
    await expect(page.getByTestId('cases-screen')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByTestId('cases-screen').getByText('全部', { exact: true }).click();
  const more = page.getByTestId('case-list-more');
  await expect(more).toContainText('已显示 100 件');
  await more.click();
  await expect(more).toContainText('已显示 200 件');
  await more.click();
  // The last page is in: nothing more to load, every case reachable.
  await expect(more).toHaveCount(0);
  await page.getByTitle(String(Math.ceil(CASES / 12))).click();
  await expect(page.getByTestId('case-row')).toHaveCount(CASES % 12 || 12);
  await page.getByTitle('1', { exact: true }).click();
  await page.screenshot({ path: screenshotPath('cases-paging') });
});
