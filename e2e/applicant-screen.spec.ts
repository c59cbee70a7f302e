import crypto from 'node:crypto';
import path from 'node:path';
import type { Page } from '@playwright/test';
import sqlite3 from 'sqlite3';
import { expect, screenshotPath, test } from './host-fixture';
import { acceptWithOneDeferred } from './intake-walk';

// Two pages against one host, in two browser contexts (the applicant screen has its own token and
// cookie). The machine is shared: generous time, no timing asserted.
test.setTimeout(300_000);

/** A pen stroke of real PointerEvents with changing pressure (page.mouse cannot set pressure). */
async function penStroke(screen: Page, from: [number, number], to: [number, number]) {
  await screen.getByTestId('signature-canvas').evaluate((canvas, [a, b]) => {
    const r = canvas.getBoundingClientRect();
    const at = (f: number) => ({ clientX: r.left + r.width * (a[0] + (b[0] - a[0]) * f), clientY: r.top + r.height * (a[1] + (b[1] - a[1]) * f) });
    const send = (type: string, f: number, pressure: number) =>
      canvas.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerId: 7, pointerType: 'pen', isPrimary: true, pressure, buttons: type === 'pointerup' ? 0 : 1, ...at(f) }));
    send('pointerdown', 0, 0.2);
    for (let i = 1; i <= 20; i++) send('pointermove', i / 20, 0.2 + 0.6 * Math.sin((i / 20) * Math.PI));
    send('pointerup', 1, 0);
  }, [from, to] as const);
}

function auditEntries(dataDir: string, action: string): Promise<Array<{ actor: string; subject: string; detail: string }>> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path.join(dataDir, 'yichuang.db'), sqlite3.OPEN_READONLY, (err) => err && reject(err));
    db.all('select actor, subject, detail from audit_log where action = ? order by seq', [action], (err, rows) => {
      db.close();
      if (err) reject(err);
      else resolve(rows as Array<{ actor: string; subject: string; detail: string }>);
    });
  });
}

test('the clerk accepts; the applicant screen shows the record, survives the lock, takes the signature and the rating', async ({ page, host, browser }) => {
  await page.goto(host.openUrl);
  const screenContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const screen = await screenContext.newPage();
  await screen.goto(host.applicantUrl);
  await expect(screen.getByTestId('applicant-screen')).toHaveAttribute('data-view', 'idle');
  await expect(screen.getByTestId('applicant-clerk')).toHaveText('培训员');
  // The hall's notice (a setting) shows on the idle screen as soon as it is saved.
  const notice = '办事须知：请提前准备好身份证件；如对服务有意见，可在办结后评价。';
  expect(await page.evaluate((n) => window.yichuang.invoke('settings.update', { patch: { window: { name: '综合受理 3 号窗口' }, hall: { notice: n } } }), notice)).toMatchObject({ ok: true });
  await expect(screen.getByTestId('applicant-hall-notice')).toHaveText(notice);
  await expect(screen.getByRole('heading', { name: '综合受理 3 号窗口' })).toBeVisible();
  await screen.screenshot({ path: screenshotPath('applicant-idle') });

  // Nothing but its own methods: clerk, public and pad methods are refused by the router; the
  // clerk's API is not even reachable from its page (no clerk cookie there).
  const refused = await screen.evaluate(async () => {
    const out: Record<string, string> = {};
    for (const [m, input] of [
      ['intake.accept', { itemCode: 'x', applicant: { kind: 'person', idType: 'resident', name: '甲' } }],
      ['cases.list', {}],
      ['cases.reveal', { id: 'x', reason: '看看' }],
      ['app.info', undefined],
      ['auth.status', undefined],
      ['evaluator.submit', { promptId: 'x', level: 1 }],
      ['applicantScreen.present', { caseId: 'x' }],
    ] as const) {
      const r = await window.yichuang.invoke(m as never, input as never);
      out[m] = r.ok ? 'ok' : r.error.code;
    }
    out['raw /api/invoke'] = String((await fetch('/api/invoke', { method: 'POST', body: JSON.stringify({ method: 'cases.list', input: {} }) })).status);
    return out;
  });
  expect(refused).toEqual({
    'intake.accept': 'FORBIDDEN',
    'cases.list': 'FORBIDDEN',
    'cases.reveal': 'FORBIDDEN',
    'app.info': 'FORBIDDEN',
    'auth.status': 'FORBIDDEN',
    'evaluator.submit': 'FORBIDDEN',
    'applicantScreen.present': 'FORBIDDEN',
    'raw /api/invoke': '401',
  });

  await page.bringToFront();
  const caseNumber = await acceptWithOneDeferred(page);
  await expect(screen.getByTestId('applicant-screen')).toHaveAttribute('data-view', 'review');
  await expect(screen.getByTestId('applicant-case-number')).toHaveText(caseNumber);
  await expect(screen.getByTestId('applicant-record')).toContainText('居住证申领');
  await expect(screen.getByTestId('applicant-materials')).toContainText('容缺');
  await expect(screen.getByTestId('applicant-record')).toContainText('*');
  await expect(screen.frameLocator('[data-testid=applicant-notice-frame]').locator('body')).toContainText(caseNumber);
  await expect(page.getByTestId('applicant-screen-status')).toHaveAttribute('data-stage', 'review');
  await screen.screenshot({ path: screenshotPath('applicant-record') });

  // The clerk locks the window: the applicant screen carries on.
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await screen.getByTestId('applicant-confirm').click();
  await expect(screen.getByTestId('applicant-screen')).toHaveAttribute('data-view', 'sign');
  const box = (await screen.getByTestId('signature-canvas').boundingBox())!;
  // One stroke with the mouse (pressure 0.5), two with a pen (pressure varying).
  await screen.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.6);
  await screen.mouse.down();
  for (let i = 1; i <= 12; i++) await screen.mouse.move(box.x + box.width * (0.1 + i * 0.02), box.y + box.height * (0.6 - 0.3 * Math.sin(i / 4)));
  await screen.mouse.up();
  await penStroke(screen, [0.4, 0.3], [0.6, 0.7]);
  await penStroke(screen, [0.6, 0.3], [0.85, 0.55]);
  await expect(screen.getByTestId('signature-canvas')).toHaveAttribute('data-strokes', '3');
  await screen.screenshot({ path: screenshotPath('applicant-signing') });
  await screen.getByTestId('signature-submit').click();
  await expect(screen.getByTestId('applicant-screen')).toHaveAttribute('data-view', 'done');
  const shown = (await screen.getByTestId('signature-hash').textContent())!.replace('SHA-256', '').trim();
  expect(shown).toMatch(/^[0-9a-f]{64}$/);

  // The hash on the screen is the one in the audit chain, written by the applicant screen.
  const audit = await auditEntries(host.dataDir, 'case.sign');
  expect(audit).toHaveLength(1);
  expect(audit[0]!.actor).toBe('applicant-screen');
  expect(JSON.parse(audit[0]!.detail)).toMatchObject({ sha256: shown, caseNumber, strokes: 3 });

  // The clerk unlocks: the outcome shows the signature, the rating goes to the applicant screen.
  await page.getByLabel('密码').fill('demo');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('applicant-screen-status')).toHaveAttribute('data-stage', 'signed', { timeout: 60_000 });
  const signature = await page.evaluate(async (caseId) => window.yichuang.invoke('applicantScreen.signature', { caseId }), audit[0]!.subject);
  expect(signature.ok && signature.value?.sha256).toBe(shown);
  const png = Buffer.from((signature.ok && signature.value?.pngBase64) || '', 'base64');
  expect(crypto.createHash('sha256').update(png).digest('hex')).toBe(shown);
  await expect(page.frameLocator('[data-testid=notice-frame]').locator('body')).toContainText(shown);

  await expect(screen.getByTestId('applicant-screen')).toHaveAttribute('data-view', 'rating');
  await screen.screenshot({ path: screenshotPath('applicant-rating') });
  await screen.getByTestId('pad-level-1').click();
  await expect(page.getByTestId('rating-status')).toHaveAttribute('data-phase', 'rated', { timeout: 30_000 });
  await expect(screen.getByTestId('applicant-screen')).toHaveAttribute('data-view', 'thanks');
  const rated = await page.evaluate(async (caseId) => window.yichuang.invoke('cases.get', { id: caseId }), audit[0]!.subject);
  expect(rated.ok && rated.value.rating).toMatchObject({ level: 1, channel: 'screen' });
  await screenContext.close();
});
