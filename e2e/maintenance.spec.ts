import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { hasValidIdChecksum } from '../common/domain/id-number';
import { expect, screenshotPath, test } from './host-fixture';

test.setTimeout(300_000);

/** Every file inside a zip, as text (UTF-8 and UTF-16LE views both searched). */
async function zipTexts(file: string): Promise<{ name: string; text: string }[]> {
  const zip = await new Promise<yauzl.ZipFile>((ok, fail) => yauzl.open(file, { lazyEntries: true }, (e, z) => (e ? fail(e) : ok(z!))));
  const out: { name: string; text: string }[] = [];
  await new Promise<void>((done, fail) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (e, stream) => {
        if (e) return fail(e);
        const chunks: Buffer[] = [];
        stream!.on('data', (c: Buffer) => chunks.push(c));
        stream!.on('end', () => {
          const buf = Buffer.concat(chunks);
          out.push({ name: entry.fileName, text: buf.toString('utf8') + '\n' + buf.toString('utf16le') });
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => done());
    zip.on('error', fail);
    zip.readEntry();
  });
  return out;
}

test('(e) maintenance sees the reader frame log and exports a diagnostics bundle with no ID number in it', async ({ page, host }) => {
  const card = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../resources/demo-cards/resident.json'), 'utf8')) as { idNumber: string };
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  // A card read puts frames on the wire and the identity into the app's memory.
  await page.keyboard.press('F2');
  await expect(page.getByTestId('applicant-id')).toContainText('*', { timeout: 30_000 });
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('devices-panel')).toBeVisible();
  await page.getByTestId('frames-idcard-demo').click();
  const log = page.getByTestId('frame-log');
  // GA 467 frames start with the preamble AA AA AA 96 69.
  await expect(log).toContainText(/AA ?AA ?AA ?96 ?69/i);
  await page.screenshot({ path: screenshotPath('maintenance-devices') });
  await page.getByRole('tab', { name: '扫码枪校准' }).click();
  await expect(page.getByTestId('wedge-calibration')).toBeVisible();
  await page.screenshot({ path: screenshotPath('maintenance-wedge') });
  await page.getByRole('tab', { name: '同步' }).click();
  await expect(page.getByTestId('sync-panel')).toBeVisible();
  await page.screenshot({ path: screenshotPath('maintenance-sync') });
  await page.getByRole('tab', { name: '系统' }).click();
  await expect(page.getByTestId('data-dir')).toHaveText(host.dataDir);
  await page.getByTestId('db-check').click();
  await expect(page.getByTestId('db-check-result')).toContainText('数据库完好', { timeout: 30_000 });
  await page.getByTestId('db-backup').click();
  await expect(page.getByTestId('db-backup-result')).toContainText('备份完成', { timeout: 30_000 });
  await page.getByTestId('diag-export').click();
  const file = (await page.getByTestId('diag-file').textContent({ timeout: 60_000 }))!.trim();
  await page.screenshot({ path: screenshotPath('maintenance-system') });
  expect(file.startsWith(host.dataDir)).toBe(true);
  const entries = await zipTexts(file);
  expect(entries.length).toBeGreaterThan(0);
  for (const { name, text } of entries) {
    expect(text.includes(card.idNumber), `${name} holds the card's ID number`).toBe(false);
    const found = [...text.matchAll(/(?<![0-9])\d{17}[\dX](?![0-9])/g)].map((m) => m[0]).filter(hasValidIdChecksum);
    expect(found, `${name} holds valid ID numbers`).toEqual([]);
  }
});

test('(e) a scanner keeps its suffix (结尾符) and scan gap (扫码间隔); a gap out of range is refused in Chinese', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('devices-panel')).toBeVisible();
  await page.getByRole('button', { name: '配置设备' }).click();
  const dialog = page.getByRole('dialog', { name: '配置设备' });
  // The demo scanner has no saved entry: the dialog shows the suffix its driver runs with.
  await expect(dialog.getByLabel('结尾符')).toHaveCount(1);
  await expect(dialog.getByTitle('CR LF 回车换行', { exact: true })).toBeVisible();
  // A scanner of our own; the demo devices are not the window's to save (main refuses the demo reader's id).
  await dialog.getByRole('button', { name: '添加设备' }).click();
  await dialog.getByLabel('编号').nth(2).fill('scanner-e2e');
  await dialog.getByLabel('类型').nth(2).click();
  await page.getByTitle('扫码枪', { exact: true }).last().click();
  await dialog.getByLabel('端口').nth(2).fill('/dev/ttyYC-E2E-SCANNER');
  await dialog.getByRole('button', { name: '删除' }).first().click();
  await dialog.getByRole('button', { name: '删除' }).first().click();
  await expect(dialog.getByLabel('编号')).toHaveCount(1);
  const suffix = dialog.getByLabel('结尾符');
  const gap = dialog.getByLabel('扫码间隔（毫秒）');
  await suffix.click();
  await page.getByTitle('LF 换行', { exact: true }).click();
  await gap.fill('5');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(dialog.getByText('扫码间隔须在 10 到 1000 毫秒之间')).toBeVisible();
  await page.screenshot({ path: screenshotPath('maintenance-scanner-framing-refused') });
  await expect(dialog).toBeVisible(); // refused: nothing saved, the dialog stays
  await gap.fill('80');
  await page.screenshot({ path: screenshotPath('maintenance-scanner-framing') });
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  // Reopened, the dialog reads the saved configuration back.
  await page.getByRole('button', { name: '配置设备' }).click();
  const ids = await dialog.getByLabel('编号').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  const at = ids.indexOf('scanner-e2e');
  expect(at, ids.join(',')).toBeGreaterThanOrEqual(0);
  const scannerAt = (await dialog.getByLabel('类型').evaluateAll((els) => els.map((e) => e.closest('.ant-space')?.textContent ?? ''))).slice(0, at).filter((t) => t.includes('扫码枪')).length;
  await expect(dialog.getByLabel('扫码间隔（毫秒）').nth(scannerAt)).toHaveValue('80');
  await expect(dialog.getByTitle('LF 换行', { exact: true })).toBeVisible();
});
