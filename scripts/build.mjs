// Builds everything that ships: the renderer (Vite) and the Node-side bundles (esbuild) for the
// Electron main process, the preload, the CLI and the device service. Runs at `npm install`
// (prepare) and `npm run build`; records what each bundle was built from (dist/build-manifest.json)
// so `yichuang` and `npm start` can tell a stale build (scripts/dist-freshness.mjs).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import { writeCodeCache } from './code-cache.mjs';
import { writeManifest } from './dist-freshness.mjs';

const started = Date.now();
const ROOT = path.resolve(import.meta.dirname, '..');
// Native modules and Electron stay outside the bundles; they are loaded from node_modules / app.asar.unpacked.
const external = ['electron', 'sqlite3', 'serialport', '@serialport/*', 'node-hid', 'pino', 'thread-stream'];
// import.meta.url in a CommonJS bundle: the bundle's own file URL (else esbuild leaves it empty and
// fileURLToPath(undefined) throws when the bundle loads).
const importMetaUrl = "var __import_meta_url = require('node:url').pathToFileURL(__filename).href;";
const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, metafile: true, external, define: { 'import.meta.dirname': '__dirname', 'import.meta.url': '__import_meta_url' }, banner: { js: importMetaUrl }, logLevel: 'warning' };

// The Node-side bundles: name (as in the manifest) → entry point and output. Retarget entries here.
const NODE_BUNDLES = {
  electron: { entryPoints: ['main/electron/main.ts'], outfile: 'dist/electron/main.cjs' },
  preload: { entryPoints: ['preload/index.ts'], outfile: 'dist/preload.cjs', external: ['electron'] },
  // `import()` becomes require() in the CLI: it runs from V8's code cache (scripts/code-cache.mjs), and a
  // function deserialized from that cache loses the script's import() callback on Node 20 ("A dynamic
  // import callback was not specified": node-hid and serialport could not be loaded). Every package it
  // imports at run time is CommonJS; a photo decoder module must be too under Node 20.
  cli: { entryPoints: ['main/cli/run.ts'], outfile: 'dist/cli.cjs', banner: { js: `#!/usr/bin/env node\n${importMetaUrl}` }, supported: { 'dynamic-import': false } },
  // The device service: native device I/O in its own process (utilityProcess / child_process.fork).
  'device-service': { entryPoints: ['main/devices/service/child-main.ts'], outfile: 'dist/device-service.cjs' },
};

const [rendererOut, ...nodeOut] = await Promise.all([
  vite({ configFile: 'vite.config.ts', logLevel: 'warn' }),
  ...Object.values(NODE_BUNDLES).map((options) => esbuild({ ...node, ...options })),
]);
// The pty relay behind the device simulators (training mode) sits beside each bundle that may start one.
for (const dir of ['dist', 'dist/electron']) fs.copyFileSync('native/serial/pty-relay.py', `${dir}/pty-relay.py`);
// V8's code caches of the CLI bundle, for `yichuang` (scripts/code-cache.mjs): the plain one, and the
// host's from a training run of the host up to the first screen's answers.
const cli = path.join(ROOT, NODE_BUNDLES.cli.outfile);
writeCodeCache(cli);
fs.rmSync(`${cli}.host.v8cache`, { force: true });
const warm = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'warm-code-cache.mjs'), cli], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
if (warm.status !== 0) console.warn(`build: no host code cache, the host uses the plain one (the training run failed: ${warm.stderr.trim() || warm.status})`);

const inputs = Object.fromEntries(Object.keys(NODE_BUNDLES).map((name, i) => [name, Object.keys(nodeOut[i].metafile.inputs)]));
const rendererModules = [rendererOut].flat().flatMap((o) => o.output.flatMap((chunk) => chunk.moduleIds ?? []));
inputs.renderer = [...rendererModules.filter((id) => path.isAbsolute(id)).map((id) => path.relative(ROOT, id)), 'renderer/index.html', 'vite.config.ts'];
writeManifest(ROOT, started, inputs);
console.log(`build: renderer, electron main, preload, CLI and device service in ${Date.now() - started} ms`);
