import type { Page } from '@playwright/test';
import { readCardAndPickItem, stageOnePage } from './intake-walk';
import { expect, PERSON_PACE, screenshotPath, test } from './host-fixture';

test.setTimeout(300_000);

/** Every case of the window (id, status, number), through the API the screens use. */
const allCases = (page: Page) =>
  page.evaluate(async () => {
    const r = await window.yichuang.invoke('cases.list', { limit: 500 });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.cases.map((c) => ({ id: c.id, status: c.status, caseNumber: c.caseNumber }));
  });

/** Ctrl+S, then 下一位 (F9): the draft is saved and the screen is the next applicant's. */
async function saveDraftAndNext(page: Page) {
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('draft-saved')).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('F9');
  await expect(page.getByTestId('draft-saved')).toHaveCount(0);
  await expect(page.getByTestId('item-name')).toHaveCount(0);
}

/** From the intake screen by keyboard: Ctrl+Shift+D lists the drafts, ↓ Enter opens the first, Enter resumes it. */
async function findAndResumeDraft(page: Page, shot: string) {
  await page.keyboard.press('Control+Shift+D');
  await expect(page.getByTestId('cases-screen')).toBeVisible();
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await expect(page.getByTestId('case-row-number')).toHaveText('草稿');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('case-row')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('resume-draft')).toBeFocused({ timeout: 30_000 });
  await page.screenshot({ path: screenshotPath(shot) });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-screen')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('draft-saved')).toBeVisible();
}

test('草稿: saved with a page, found in 我的办件 after the next applicant, resumed and accepted — one case, the page linked', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await readCardAndPickItem(page);
  const code = await stageOnePage(page);
  await saveDraftAndNext(page);
  const [draft] = await allCases(page);
  expect(draft).toMatchObject({ status: 'draft', caseNumber: null });

  await findAndResumeDraft(page, 'drafts-list');
  // The intake is back: the item, the applicant read from the card, the staged page in its slot.
  await expect(page.getByTestId('item-name')).toHaveText('居住证申领');
  await expect(page.getByTestId('applicant-id-input')).toHaveValue(/^\d{17}[\dX]$/);
  await expect(page.getByTestId('material-files').first().getByTestId('material-files-summary')).toHaveAttribute('data-pages', '1');
  await page.screenshot({ path: screenshotPath('drafts-resumed') });

  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('outcome')).toBeVisible({ timeout: 30_000 });
  const caseNumber = (await page.getByTestId('case-number').first().textContent())!.trim();
  // One case: the draft itself, now accepted with a number; its page is the material's file.
  expect(await allCases(page)).toEqual([{ id: draft!.id, status: 'accepted', caseNumber }]);
  const files = await page.evaluate(async (caseId) => {
    const r = await window.yichuang.invoke('materials.caseFiles', { caseId });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.files.map((f) => [f.materialCode, f.pages]);
  }, draft!.id);
  expect(files).toEqual([[code, 1]]);
});

test('草稿: a typed applicant comes back as typed; 撤回 (Alt+W) of the resumed draft withdraws it', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await page.keyboard.press('F6');
  await expect(page.getByTestId('applicant-id-input')).toBeFocused();
  await page.keyboard.type('11010519491231002X', PERSON_PACE);
  await page.keyboard.press('Tab');
  await page.keyboard.type('测试人', PERSON_PACE);
  await page.keyboard.press('F3');
  await page.keyboard.type('jzzsl', PERSON_PACE);
  await expect(page.getByTestId('item-option').first()).toContainText('居住证申领');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('item-name')).toHaveText('居住证申领');
  await saveDraftAndNext(page);

  await findAndResumeDraft(page, 'drafts-detail-typed');
  await expect(page.getByTestId('applicant-id-input')).toHaveValue('11010519491231002X');
  await expect(page.locator('#applicant-name')).toHaveValue('测试人');
  await expect(page.getByTestId('withdraw-draft')).toContainText('Alt+W');
  await page.keyboard.press('Alt+w');
  await expect(page.getByTestId('withdraw-reason')).toBeFocused();
  await page.keyboard.type('申请人材料未带齐，改日再来', PERSON_PACE);
  await page.screenshot({ path: screenshotPath('drafts-withdraw') });
  await page.keyboard.press('Control+Enter');
  // The screen is the next applicant's; the draft is withdrawn, not decided, and no other case was made.
  await expect(page.getByTestId('withdraw-reason')).toHaveCount(0);
  await expect(page.getByTestId('item-name')).toHaveCount(0);
  await expect.poll(async () => (await allCases(page)).map((c) => c.status)).toEqual(['withdrawn']);
});
