import { withIdCheckChar } from '../common/domain/id-number';
import { expect, screenshotPath, test } from './host-fixture';

test.setTimeout(300_000);

test('(c) typed applicant with live checksum, then 不予受理 with a reason and its notice', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  const valid = withIdCheckChar('46010619900518123');
  const wrong = valid.slice(0, 17) + (valid[17] === '1' ? '2' : '1');
  await page.keyboard.press('F6');
  await page.keyboard.type(wrong);
  await expect(page.getByText('校验位不正确')).toBeVisible();
  await page.getByTestId('applicant-id-input').fill(valid);
  await expect(page.getByText('校验通过')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.type('李四');
  await page.keyboard.press('F3');
  await page.keyboard.type('sybxjsl');
  await expect(page.getByTestId('item-option').first()).toContainText('失业保险金申领');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('item-name')).toHaveText('失业保险金申领');
  await page.keyboard.press('F8');
  await expect(page.getByTestId('reject-reason')).toBeFocused();
  await page.keyboard.type('申请人不符合失业保险金领取条件（未办理失业登记）');
  await page.screenshot({ path: screenshotPath('reject-dialog') });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'rejected', { timeout: 30_000 });
  const notice = page.frameLocator('[data-testid=notice-frame]').locator('body');
  await expect(notice).toContainText('不予受理');
  await expect(notice).toContainText('未办理失业登记');
  await page.screenshot({ path: screenshotPath('reject-outcome') });
  // The applicant's number is never shown in full.
  await expect(notice).not.toContainText(valid);
});
