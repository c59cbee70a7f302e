import type { Page } from '@playwright/test';
import { sampleJpeg } from '../main/materials/testing';
import { expect, screenshotPath, test } from './host-fixture';
import { casesInDatabase, loseFirstReply, recordIntakeCalls } from './lost-reply';

test.setTimeout(300_000);

/** Reads the demo card and answers 失业一件事 so that it selects four items. */
async function fillUnemploymentBundle(page: Page) {
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('applicant-id')).toContainText('*', { timeout: 30_000 });
  await page.keyboard.press('F4');
  await page.keyboard.type('失业');
  await page.keyboard.press('Enter');
  const questions = page.getByTestId('bundle-questions');
  await questions.getByRole('radiogroup', { name: '失业前是否已缴纳失业保险满一年？' }).getByText('是', { exact: true }).click();
  await questions.getByRole('radiogroup', { name: '是否申请就业困难人员认定？' }).getByText('是', { exact: true }).click();
  const selected = page.getByLabel('将办理的事项').locator('.ant-tag');
  await expect(selected).toHaveCount(4);
  return (await selected.allTextContents()).map((t) => t.trim());
}

test('(b) 一件事: one call accepts every item of the bundle, and each case gets its notice', async ({ page, host }) => {
  const calls = recordIntakeCalls(page);
  await page.goto(host.openUrl);
  const items = await fillUnemploymentBundle(page);
  const before = await casesInDatabase(page);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'accepted', { timeout: 30_000 });
  expect(calls).toEqual(['intake.acceptBundle']);

  const numbers = (await page.getByTestId('case-number').allTextContents()).map((n) => n.trim());
  expect(numbers).toHaveLength(4);
  expect(new Set(numbers).size).toBe(4);
  // One notice per case, each under its item's tab, each with its own case number.
  const tabs = page.getByRole('tab');
  expect((await tabs.allTextContents()).map((t) => t.trim())).toEqual(items);
  await page.screenshot({ path: screenshotPath('bundle-accepted') });
  for (const [i, n] of numbers.entries()) {
    await tabs.nth(i).click();
    await expect(page.getByRole('tabpanel').frameLocator('[data-testid=notice-frame]').locator('body')).toContainText(n);
  }
  expect((await casesInDatabase(page)).filter((n) => !before.includes(n)).sort()).toEqual([...numbers].sort());
});

test('(b) 一件事: when the reply is lost, pressing again shows the same cases and makes no new ones', async ({ page, host }) => {
  const calls = recordIntakeCalls(page);
  await page.goto(host.openUrl);
  await fillUnemploymentBundle(page);
  const before = await casesInDatabase(page);
  const reply = await loseFirstReply(page, 'intake.acceptBundle');
  await page.keyboard.press('Control+Enter');
  await expect.poll(reply.lost).toBe(true);
  await expect(page.getByTestId('outcome')).toHaveCount(0);
  const committed = (await casesInDatabase(page)).filter((n) => !before.includes(n));
  expect(committed).toHaveLength(4);

  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'accepted', { timeout: 30_000 });
  const numbers = (await page.getByTestId('case-number').allTextContents()).map((n) => n.trim());
  expect([...numbers].sort()).toEqual([...committed].sort());
  expect((await casesInDatabase(page)).filter((n) => !before.includes(n)).sort()).toEqual([...committed].sort());
  expect(calls).toEqual(['intake.acceptBundle', 'intake.acceptBundle']);
  await page.screenshot({ path: screenshotPath('bundle-retried') });
});

test('(b) 一件事: a merged material takes its pages once, and every case that needs it links the same PDF', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await fillUnemploymentBundle(page);
  const before = await casesInDatabase(page);
  // 居民身份证 is asked once for the four items: its row has the file slot and the camera, like one item's.
  const row = page.locator('[data-testid=material-row][data-code=ID_CARD]');
  await expect(row.getByTestId('open-camera')).toBeVisible();
  const add = row.getByRole('button', { name: /添加文件/ });
  await add.focus();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles([
    { name: '身份证正面.jpg', mimeType: 'image/jpeg', buffer: sampleJpeg(800, 1100, 1) },
    { name: '身份证反面.jpg', mimeType: 'image/jpeg', buffer: sampleJpeg(800, 1100, 2) },
  ]);
  await expect(row.getByTestId('material-files-summary')).toHaveAttribute('data-pages', '2', { timeout: 30_000 });
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('bundle-merged-slot') });

  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'accepted', { timeout: 30_000 });
  const numbers = (await casesInDatabase(page)).filter((n) => !before.includes(n));
  expect(numbers).toHaveLength(4);
  // Each case: one file, its own ID-card material, two pages; one PDF (one hash) for all four.
  const files = await page.evaluate(async (wanted) => {
    const unwrap = <T,>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const list = unwrap(await window.yichuang.invoke('cases.list', { limit: 500 })).cases.filter((c) => wanted.includes(c.caseNumber ?? ''));
    return Promise.all(list.map(async (c) => unwrap(await window.yichuang.invoke('materials.caseFiles', { caseId: c.id })).files.map((f) => ({ code: f.materialCode, name: f.materialName, pages: f.pages, sha256: f.sha256 }))));
  }, numbers);
  expect(files).toHaveLength(4);
  expect(files.every((f) => f.length === 1 && f[0]!.pages === 2 && f[0]!.name === '居民身份证')).toBe(true);
  expect(new Set(files.map((f) => f[0]!.sha256)).size).toBe(1);
});
