import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CentralProcess, runCli } from '../central/testing/central-process';
import { expect, PERSON_PACE, screenshotPath, test, type RunningHost } from './host-fixture';
import { acceptWithOneDeferred } from './intake-walk';

// Real host, real central process, real Chromium; the machine is shared. No timing is asserted.
test.setTimeout(420_000);

let central: CentralProcess;
test.beforeEach(async () => {
  central = new CentralProcess(fs.mkdtempSync(path.join(os.tmpdir(), 'yc-central-')));
  await central.start();
});
test.afterEach(async () => {
  await central.kill();
  fs.rmSync(central.dataDir, { recursive: true, force: true });
});

async function invoke<T = any>(page: Page, method: string, input: unknown): Promise<T> {
  const r = await page.evaluate(([m, i]) => window.yichuang.invoke(m as never, i as never), [method, input] as const);
  if (!(r as { ok: boolean }).ok) throw new Error(`${method}: ${JSON.stringify(r)}`);
  return (r as { value: T }).value;
}

/** Enrolled window, one case accepted at the window (demo card F2), synced; the central marks it 已制证; the window pulls. */
async function readyCase(page: Page, host: RunningHost, items = '居住证,领证回执*2'): Promise<string> {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible({ timeout: 60_000 });
  await invoke(page, 'sync.enroll', { centralUrl: central.url, code: await central.enrolmentCode('HK01', 'W03') });
  const caseNumber = await acceptWithOneDeferred(page);
  expect((await invoke(page, 'sync.runNow', undefined)).ok).toBe(true);
  const { id } = await invoke<{ id: string }>(page, 'cases.get', { caseNumber });
  const set = await runCli(['central', 'result', 'set', id, '--outcome', 'approved', '--ready', '--items', items, '--data-dir', central.dataDir]);
  expect(set.code, set.stderr).toBe(0);
  expect((await invoke(page, 'sync.runNow', undefined)).ok).toBe(true);
  // The 出件 screen, by its shortcut (pressed until the screen shows: a first press may land before the frame's keys are attached).
  await expect(async () => {
    await page.keyboard.press('Alt+5');
    await expect(page.getByTestId('handover-screen')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId('handover-row-number')).toHaveText([caseNumber], { timeout: 30_000 });
  return caseNumber;
}

test('the central marks a case 已制证, the window pulls; typed case number, the applicant\'s card, 确认领取; the list empties', async ({ page, host }) => {
  const caseNumber = await readyCase(page, host);
  await page.screenshot({ path: screenshotPath('handover-list') });
  await page.keyboard.press('F3');
  await page.keyboard.type(caseNumber, PERSON_PACE);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('handover-stage')).toHaveText('已制证，待领取', { timeout: 30_000 });
  await expect(page.getByTestId('handover-outcome')).toHaveText('准予许可（办结）');
  await expect(page.getByTestId('handover-items')).toContainText('领证回执');
  await expect(page.getByTestId('handover-items')).toContainText('×2');
  await expect(page.getByTestId('handover-confirm')).toBeDisabled();
  // The applicant's card (the first demo card, as at intake): checked in main by keyed hash.
  await page.keyboard.press('F2');
  await expect(page.getByTestId('handover-identity-ok')).toContainText('申请人', { timeout: 30_000 });
  await expect(page.getByTestId('handover-identity-ok')).toContainText('*');
  await page.screenshot({ path: screenshotPath('handover-ready') });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('handover-stage')).toHaveText('已领取', { timeout: 30_000 });
  await expect(page.getByTestId('handover-done')).toContainText('申请人本人');
  await expect(page.getByTestId('handover-list')).toContainText('没有待领取的办件');
  await page.screenshot({ path: screenshotPath('handover-collected') });
  // Outboxed and pushed: the central recorded the handover; its hall list is empty too.
  expect((await invoke(page, 'sync.runNow', undefined)).ok).toBe(true);
  expect((await invoke(page, 'handover.list', { scope: 'hall' })).rows).toEqual([]);
});

test('a scanned notice QR opens the case; another person\'s card is refused in Chinese; the clerk overrides with a reason', async ({ page, host }) => {
  const caseNumber = await readyCase(page, host);
  // The notice QR holds the case number: a simulated serial scan on the 出件 screen opens it here.
  await invoke(page, 'devices.simulateScan', { text: caseNumber });
  await expect(page).toHaveURL(new RegExp(`#/handover/${caseNumber}$`));
  await expect(page.getByTestId('handover-stage')).toHaveText('已制证，待领取', { timeout: 30_000 });
  // First demo card: the applicant; the next one is somebody else.
  await page.keyboard.press('F2');
  await expect(page.getByTestId('handover-identity-ok')).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('F2');
  const refused = page.getByTestId('handover-identity-refused');
  await expect(refused).toContainText('身份核验未通过', { timeout: 30_000 });
  await expect(refused).toContainText('授权委托书');
  await expect(page.getByTestId('handover-confirm')).toBeDisabled();
  await page.screenshot({ path: screenshotPath('handover-refused') });
  await page.keyboard.press('F8');
  await page.getByTestId('override-reason').fill('委托领取，已核对授权委托书原件和代领人身份证');
  await page.getByTestId('override-ok').click();
  await expect(page.getByTestId('handover-stage')).toHaveText('已领取', { timeout: 30_000 });
  await expect(page.getByTestId('handover-done')).toContainText('核准代领');
  await expect(page.getByTestId('handover-done')).toContainText('授权委托书');
  await expect(page.getByTestId('handover-list')).toContainText('没有待领取的办件');
});
