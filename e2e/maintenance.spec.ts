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
