import { sampleJpeg, samplePng } from '../main/materials/testing';
import { acceptAndOpenCaseFile } from './case-files';
import { readCardAndPickItem, stageOnePage } from './intake-walk';
import { expect, screenshotPath, test } from './host-fixture';

test.setTimeout(300_000);

test('材料电子化: three files added to a slot by keyboard, accepted, the case shows and opens one 3-page PDF', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await readCardAndPickItem(page);

  const slot = page.getByTestId('material-files').first();
  const add = slot.getByRole('button', { name: /添加文件/ });
  // Keyboard-reachable: focus it and Enter opens the picker.
  await add.focus();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  // A phone photo larger than the target (scaled down to 200 dpi A4 in the renderer), a small scan, a PNG.
  await (await chooser).setFiles([
    { name: '身份证正面.jpg', mimeType: 'image/jpeg', buffer: sampleJpeg(2400, 3200, 1, 92) },
    { name: '身份证反面.jpg', mimeType: 'image/jpeg', buffer: sampleJpeg(800, 1100, 2) },
    { name: '户口本.png', mimeType: 'image/png', buffer: samplePng(300, 400) },
  ]);
  await expect(slot.getByTestId('material-files-summary')).toHaveAttribute('data-pages', '3', { timeout: 30_000 });
  await expect(slot.getByTestId('material-files-summary')).toContainText('3 页');
  await page.screenshot({ path: screenshotPath('materials-slot') });

  const { file, src, pdf } = await acceptAndOpenCaseFile(page, host);
  await expect(file).toHaveAttribute('data-pages', '3');
  await expect(file).toContainText('待上传');
  await page.screenshot({ path: screenshotPath('materials-viewer') });
  // The viewer's URL serves the unsealed PDF to this signed-in window: three pages, the photo scaled to the target.
  expect(pdf.getPageCount()).toBe(3);
  // 2400 × 3200 px scaled into 1654 × 2339 px (fits by the short edge: 1654 × 2205), at 200 dpi.
  const first = pdf.getPage(0).getSize();
  expect(Math.round(first.width)).toBe(Math.round((1654 * 72) / 200));
  // Without the window's cookie the file is not served.
  const anonymous = await fetch(new URL(src, host.url));
  expect(anonymous.status).toBe(401);
});

test('材料电子化: a draft saved with pages (Ctrl+S) keeps them after 下一位; finished later from another intake, the case links them', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await readCardAndPickItem(page);
  const code = await stageOnePage(page);
  await page.keyboard.press('Control+s');
  const draftCase = async () =>
    page.evaluate(async () => {
      const r = await window.yichuang.invoke('cases.list', { limit: 500 });
      if (!r.ok) throw new Error(r.error.message);
      return r.value.cases.find((c) => c.status === 'draft')?.id ?? null;
    });
  await expect.poll(draftCase, { timeout: 30_000 }).not.toBeNull();
  const caseId = (await draftCase())!;
  // 下一位: the screen starts a new intake (a new materials draft id); the saved draft's pages stay held.
  await page.keyboard.press('F9');
  await expect(page.getByTestId('material-files')).toHaveCount(0);
  // Finished from another intake (the draft id it sends is new): the held page is the case's file.
  const files = await page.evaluate(
    async (caseId) => {
      const unwrap = <T,>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      };
      const detail = unwrap(await window.yichuang.invoke('cases.get', { id: caseId }));
      const item = unwrap(await window.yichuang.invoke('catalog.item', { code: detail.itemCode }));
      unwrap(
        await window.yichuang.invoke('intake.accept', {
          caseId,
          itemCode: item.code,
          applicant: { kind: 'person', idType: 'resident', idNumber: '11010519491231002X', name: '测试人' },
          materials: item.materials.map((m) => ({ code: m.code, state: 'received' as const })),
          materialsDraftId: crypto.randomUUID(),
        }),
      );
      return unwrap(await window.yichuang.invoke('materials.caseFiles', { caseId })).files.map((f) => [f.materialCode, f.pages]);
    },
    caseId,
  );
  expect(files).toEqual([[code, 1]]);
});
