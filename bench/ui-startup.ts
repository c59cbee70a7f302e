import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { startHostProcess } from '../e2e/host-fixture';
import { CHROMIUM_ARGS } from '../playwright.config';
import { percentile } from './stats';
import type { Bench } from './types';

const ROOT = path.resolve(import.meta.dirname, '..');
const RENDERER = path.join(ROOT, 'dist', 'renderer');
const RUNS = 3;
const GOAL_MS = 800;
/** The development path, measured in the same run: the host from the sources through tsx. */
const TSX = { YICHUANG_DEV: '1' };
const BUILT = { YICHUANG_DEV: '0' };

/** A demo host on a fresh data folder, started as the e2e suites start it; `stop` also removes the folder. */
async function startHost(env: Record<string, string>): Promise<{ openUrl: string; origin: string; startedMs: number; stop: () => Promise<void> }> {
  const t0 = performance.now();
  const host = await startHostProcess({ demo: true, env });
  return {
    startedMs: performance.now() - t0,
    openUrl: host.openUrl,
    origin: host.url,
    async stop() {
      await host.stop();
      fs.rmSync(host.dataDir, { recursive: true, force: true });
    },
  };
}

/** Host process start → the intake screen takes a keystroke in the item search (ms). */
async function intakeReady(browser: Browser, env: Record<string, string>): Promise<{ interactiveMs: number; hostMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const t0 = performance.now();
  const host = await startHost(env);
  try {
    await page.goto(host.openUrl);
    const search = page.getByTestId('item-search');
    await search.waitFor({ state: 'visible', timeout: 120_000 });
    await search.focus();
    await page.keyboard.type('a');
    await page.waitForFunction(() => (globalThis as unknown as { document: { querySelector(s: string): { value?: string } | null } }).document.querySelector('[data-testid=item-search]')?.value === 'a');
    return { interactiveMs: performance.now() - t0, hostMs: host.startedMs };
  } finally {
    await context.close();
    await host.stop();
  }
}

/** Baseline: host process start → a blank page (the health check) loaded over the same host (ms). */
async function blankReady(browser: Browser): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const t0 = performance.now();
  const host = await startHost(BUILT);
  try {
    await page.goto(`${host.origin}/healthz`);
    await page.waitForLoadState('load');
    return performance.now() - t0;
  } finally {
    await context.close();
    await host.stop();
  }
}

/** Bytes of the built renderer: everything, and what the first screen loads (index.html's graph). */
function bundleSize() {
  const assets = path.join(RENDERER, 'assets');
  const files = fs.readdirSync(assets).filter((f) => /\.(js|css)$/.test(f));
  const size = (f: string) => fs.statSync(path.join(assets, f)).size;
  const gz = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(assets, f))).length;
  const html = fs.readFileSync(path.join(RENDERER, 'index.html'), 'utf8');
  const initial = files.filter((f) => html.includes(f));
  const sum = (list: string[], fn: (f: string) => number) => list.reduce((a, f) => a + fn(f), 0);
  return { bundle_total_kb: sum(files, size) / 1024, bundle_total_gzip_kb: sum(files, gz) / 1024, bundle_initial_kb: sum(initial, size) / 1024, bundle_initial_gzip_kb: sum(initial, gz) / 1024 };
}

export const bench: Bench = {
  name: 'ui-startup',
  async run() {
    if (!fs.existsSync(path.join(RENDERER, 'index.html'))) throw new Error('dist/renderer is missing: run `npx vite build` first');
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const ui: number[] = [];
      const blank: number[] = [];
      const host: number[] = [];
      const tsxUi: number[] = [];
      const tsxHost: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        blank.push(await blankReady(browser));
        const built = await intakeReady(browser, BUILT);
        ui.push(built.interactiveMs);
        host.push(built.hostMs);
        const dev = await intakeReady(browser, TSX);
        tsxUi.push(dev.interactiveMs);
        tsxHost.push(dev.hostMs);
      }
      const ui50 = percentile(ui, 50);
      const blank50 = percentile(blank, 50);
      const tsx50 = percentile(tsxUi, 50);
      return [
        {
          bench: 'ui-startup-goal',
          ratio: ui50 / GOAL_MS,
          baseline: `the goal, ${GOAL_MS} ms from host start to an interactive intake screen (≤ 1 meets it)`,
          goal: `intake interactive p50 ≤ ${GOAL_MS} ms with the built host (what yichuang and npm start run)`,
          intake_interactive_p50_ms: ui50,
          host_url_p50_ms: percentile(host, 50),
          tsx_intake_interactive_p50_ms: tsx50,
          tsx_host_url_p50_ms: percentile(tsxHost, 50),
          vs_tsx: ui50 / tsx50,
          runs: RUNS,
        },
        {
          bench: 'ui-startup',
          ratio: ui50 / blank50,
          baseline: 'host process start → blank page (/healthz) loaded in the same Chromium (same run)',
          goal: 'the renderer adds little to the host start: ratio ≤ 1.5',
          intake_interactive_p50_ms: ui50,
          blank_page_p50_ms: blank50,
          renderer_added_ms: ui50 - blank50,
          runs: RUNS,
          ...bundleSize(),
        },
      ];
    } finally {
      await browser.close();
    }
  },
};
