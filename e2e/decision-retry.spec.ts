import type { Page } from '@playwright/test';
import { expect, screenshotPath, test } from './host-fixture';
import { readCardAndPickItem } from './intake-walk';
import { casesInDatabase, loseFirstReply, recordIntakeCalls } from './lost-reply';

test.setTimeout(300_000);

/** The intake screen at an item for a read card, with the first reply of `method` to be lost. */
async function atItemLosingReply(page: Page, openUrl: string, method: string) {
  const calls = recordIntakeCalls(page);
  await page.goto(openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await readCardAndPickItem(page);
  const before = await casesInDatabase(page);
  const reply = await loseFirstReply(page, method);
  const newCases = async () => (await casesInDatabase(page)).filter((n) => !before.includes(n));
  return { calls, reply, newCases };
}

test('受理 of one item: when the reply is lost, pressing again shows the same case and makes no new one', async ({ page, host }) => {
  const { calls, reply, newCases } = await atItemLosingReply(page, host.openUrl, 'intake.accept');
  await page.keyboard.press('Control+Enter');
  await expect.poll(reply.lost).toBe(true);
  // The window sent its key for this attempt; the case is committed, but the page never heard of it.
  expect(reply.sent()?.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  await expect(page.getByTestId('outcome')).toHaveCount(0);
  const committed = await newCases();
  expect(committed).toHaveLength(1);
  await page.screenshot({ path: screenshotPath('decision-reply-lost') });

  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'accepted', { timeout: 30_000 });
  await expect(page.getByTestId('case-number')).toHaveText(committed[0]!);
  expect(await newCases()).toEqual(committed);
  expect(calls).toEqual(['intake.accept', 'intake.accept']);
  await page.screenshot({ path: screenshotPath('decision-retried') });
});

test('不予受理 of one item: the retry after a lost reply returns the rejected case', async ({ page, host }) => {
  const { calls, reply, newCases } = await atItemLosingReply(page, host.openUrl, 'intake.reject');
  await page.keyboard.press('F8');
  await expect(page.getByTestId('reject-reason')).toBeFocused();
  await page.keyboard.type('申请人不符合居住证申领条件');
  await page.keyboard.press('Control+Enter');
  await expect.poll(reply.lost).toBe(true);
  const committed = await newCases();
  expect(committed).toHaveLength(1);
  await expect(page.getByTestId('outcome')).toHaveCount(0);
  // The dialog stays open with the reason after the failure; pressing again retries.
  await expect(page.getByTestId('reject-reason')).toHaveValue('申请人不符合居住证申领条件');
  await page.getByTestId('reject-reason').focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'rejected', { timeout: 30_000 });
  await expect(page.getByTestId('case-number')).toHaveText(committed[0]!);
  expect(await newCases()).toEqual(committed);
  expect(calls).toEqual(['intake.reject', 'intake.reject']);
});
