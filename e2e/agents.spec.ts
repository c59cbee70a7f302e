import { expect, screenshotPath, test } from './host-fixture';

// The machine is shared; these walks start a real host and take a while. No timing is asserted.
test.setTimeout(300_000);

async function pickItem(page: import('@playwright/test').Page) {
  await page.keyboard.press('F3');
  await page.keyboard.type('jzzsl');
  await expect(page.getByTestId('item-option').first()).toContainText('居住证申领');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('item-name')).toHaveText('居住证申领');
}

async function acceptAndOpenCase(page: import('@playwright/test').Page) {
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('outcome')).toBeVisible({ timeout: 30_000 });
  const caseNumber = (await page.getByTestId('case-number').first().textContent())!.trim();
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('case-row-number').first()).toHaveText(caseNumber);
  await page.getByTestId('case-row').first().press('Enter');
  await expect(page.getByTestId('case-detail-title')).toHaveText(caseNumber);
  return page.getByTestId('case-detail').getByTestId('case-agent');
}

test('applicant card, 代办人 on, the next card fills the agent (委托代理 with 授权委托书), accept; the case shows the agent masked', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('applicant-id')).toContainText('*', { timeout: 30_000 });
  const applicantId = await page.getByTestId('applicant-id').textContent();
  await page.getByTestId('agent-toggle').click();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('agent-id')).toContainText('*', { timeout: 30_000 });
  // The applicant stayed as read; the card went to the agent.
  await expect(page.getByTestId('applicant-id')).toHaveText(applicantId!);
  await page.getByTestId('agent-relation').click();
  await page.getByTitle('委托代理').click();
  await expect(page.getByTestId('agent-poa')).toBeVisible();
  await pickItem(page);
  // Without the power of attorney a 委托代理 is refused in plain Chinese.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(/授权委托书/).last()).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('agent-poa').click();
  await page.screenshot({ path: screenshotPath('intake-agent') });
  const agent = await acceptAndOpenCase(page);
  await expect(agent).toContainText('委托代理');
  await expect(agent).toContainText('*');
  await page.screenshot({ path: screenshotPath('case-agent') });
});

test('a typed agent (港澳居民来往内地通行证) with a typed applicant', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await page.getByTestId('applicant-id-input').fill('11010519491231002X');
  await page.locator('#applicant-name').fill('测试人');
  await page.getByTestId('agent-toggle').click();
  await page.locator('#agent-cert-type').click();
  await page.getByTitle('516 港澳居民来往内地通行证').click();
  await page.getByTestId('agent-id-input').fill('H12345678');
  await page.getByTestId('agent-name-input').fill('陈代办');
  await pickItem(page);
  const agent = await acceptAndOpenCase(page);
  await expect(agent).toHaveText('陈**（亲属）· 港澳居民来往内地通行证 H123*5678');
});
