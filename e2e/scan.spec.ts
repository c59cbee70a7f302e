import type { Page } from '@playwright/test';
import { expect, test } from './host-fixture';

test.setTimeout(180_000);

/**
 * Types like a keyboard-wedge scanner: all keys in one task, stamped 4 ms apart. Playwright's
 * own keyboard goes through a round trip per key, hundreds of ms apart on a loaded machine, which
 * is typing, not a scanner. Synthetic events have no default action, so the text insertion a
 * browser does for a key that is not prevented is done here with execCommand, as typing would.
 */
async function wedgeBurst(page: Page, text: string): Promise<boolean[]> {
  return page.evaluate((keys) => {
    const prevented: boolean[] = [];
    const t0 = performance.now();
    for (const [i, key] of keys.entries()) {
      const target = document.activeElement ?? document.body;
      const ev = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      // Trusted key events carry the time the OS received the key, not the time the page got to
      // them: a re-render after the first key must not stretch the burst. 4 ms apart, like USB.
      Object.defineProperty(ev, 'timeStamp', { value: t0 + i * 4 });
      target.dispatchEvent(ev);
      prevented.push(ev.defaultPrevented);
      if (!ev.defaultPrevented && key.length === 1) document.execCommand('insertText', false, key);
    }
    return prevented;
  }, [...text, 'Enter']);
}

test('a simulated serial scan through the device manager opens the case; a wedge burst routes the same way and leaves the field untouched', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible({ timeout: 60_000 });

  // Serial: demo scanner on a pty → serial driver → DeviceManager → `scan` event → intake routing.
  const sent = await page.evaluate(() => window.yichuang.invoke('devices.simulateScan', { text: 'HK01-W03-20261127-0042' }));
  expect(sent).toEqual({ ok: true, value: { device: 'scanner-demo' } });
  await expect(page).toHaveURL(/#\/cases\/HK01-W03-20261127-0042$/);

  // Wedge: a burst typed into a text field becomes a scan; the field keeps what the clerk had typed.
  await page.goBack();
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  const search = page.getByTestId('item-search');
  await search.fill('jz');
  await search.focus();
  const prevented = await wedgeBurst(page, 'YY20261127A001');
  expect(prevented[0]).toBe(false); // the first key cannot be told from typing…
  expect(prevented.slice(1).every(Boolean)).toBe(true); // …the rest never reach the field
  await expect(page.getByText('YY20261127A001').first()).toBeVisible(); // attached to the intake as an appointment code
  await expect(search).toHaveValue('jz');

  // A wedge burst of a case number opens the case, as the serial scan did.
  await wedgeBurst(page, 'HK01-W03-20261127-0043');
  await expect(page).toHaveURL(/#\/cases\/HK01-W03-20261127-0043$/);
});
