import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser. The flags keep it off this machine's closed network.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-output/playwright',
  timeout: 240_000,
  // Each test starts a real host process (tsx, SQLite, simulated devices) beside Chromium on a 2-core
  // machine: first paint can take tens of seconds under load, so waits are generous.
  expect: { timeout: 30_000 },
  workers: process.env.CI ? 1 : 2,
  reporter: [['list']],
  projects: [
    {
      name: 'chromium',
      testIgnore: /electron\//,
      use: {
        browserName: 'chromium',
        viewport: { width: 1366, height: 768 },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
        screenshot: 'only-on-failure',
        // A click or fill that cannot happen fails with its reason instead of hanging the test.
        actionTimeout: 60_000,
        trace: 'retain-on-failure',
      },
    },
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts/ },
  ],
});
