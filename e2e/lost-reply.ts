import type { Page } from '@playwright/test';

/** The intake decision methods the page called, in order (the loopback host takes each call as one POST). */
export function recordIntakeCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (r) => {
    if (!r.url().endsWith('/api/invoke')) return;
    const method = (r.postDataJSON() as { method?: string } | null)?.method ?? '';
    if (/^intake\.(accept|reject)/.test(method)) calls.push(method);
  });
  return calls;
}

/** Case numbers in the window's database (training mode may start with demo cases: callers compare with a count taken before). */
export async function casesInDatabase(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const r = await window.yichuang.invoke('cases.list', { limit: 500 });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.cases.map((c) => c.caseNumber ?? '');
  });
}

/**
 * The first call of `method` reaches main and commits; its reply never reaches the page (as after
 * a dropped connection). Returns what the first call sent and whether it has been lost yet.
 */
export async function loseFirstReply(page: Page, method: string): Promise<{ lost: () => boolean; sent: () => Record<string, unknown> | null }> {
  let sent: Record<string, unknown> | null = null;
  await page.route('**/api/invoke', async (route) => {
    const body = route.request().postDataJSON() as { method?: string; input?: Record<string, unknown> } | null;
    if (!sent && body?.method === method) {
      sent = body.input ?? {};
      await route.fetch();
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  return { lost: () => sent !== null, sent: () => sent };
}
