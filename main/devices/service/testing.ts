import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

/**
 * Bundles the device service and a kinds module the way scripts/build.mjs does, so tests and the
 * bench fork plain Node on what ships (no tsx start-up in every child).
 */
export async function bundleDeviceService(kindsModule: string): Promise<{ entry: { file: string; execArgv: string[] }; kinds: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-devsvc-'));
  const common: BuildOptions = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', external: ['serialport', '@serialport/*', 'node-hid', 'pino', 'thread-stream'], define: { 'import.meta.dirname': '__dirname', 'import.meta.url': '__import_meta_url' }, banner: { js: "var __import_meta_url = require('node:url').pathToFileURL(__filename).href;" } };
  const entry = path.join(dir, 'device-service.cjs');
  const kinds = path.join(dir, 'kinds.cjs');
  await Promise.all([
    build({ ...common, entryPoints: [path.join(import.meta.dirname, 'child-main.ts')], outfile: entry, nodePaths: [path.resolve(import.meta.dirname, '../../../node_modules')] }),
    build({ ...common, entryPoints: [kindsModule], outfile: kinds }),
  ]);
  // The bundles resolve their external modules from the app's node_modules.
  fs.symlinkSync(path.resolve(import.meta.dirname, '../../../node_modules'), path.join(dir, 'node_modules'));
  return { entry: { file: entry, execArgv: [] }, kinds, dir };
}
