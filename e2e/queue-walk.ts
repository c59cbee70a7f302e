import type { Page } from '@playwright/test';

/** This window becomes W03 of the hall's queue service at `url` (through the settings API, as 运维 would). */
export async function connectQueue(page: Page, url: string): Promise<void> {
  await page.evaluate(async (u) => {
    const r = await window.yichuang.invoke('settings.update', { patch: { window: { code: 'W03' }, queue: { driver: 'http', url: u } } });
    if (!r.ok) throw new Error(r.error.message);
  }, url);
}
