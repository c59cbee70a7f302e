// Builds everything that ships: the renderer (Vite) and the Node-side bundles (esbuild) for the
// Electron main process, the preload and the CLI. Runs at `npm install` (prepare) and `npm run build`.
import fs from 'node:fs';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';

const started = Date.now();
// Native modules and Electron stay outside the bundles; they are loaded from node_modules / app.asar.unpacked.
const external = ['electron', 'sqlite3', 'serialport', '@serialport/*', 'node-hid', 'pino', 'thread-stream', 'fastify'];
// import.meta.url in a CommonJS bundle: the bundle's own file URL (else esbuild leaves it empty and
// fileURLToPath(undefined) throws when the bundle loads).
const importMetaUrl = "var __import_meta_url = require('node:url').pathToFileURL(__filename).href;";
const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, external, define: { 'import.meta.dirname': '__dirname', 'import.meta.url': '__import_meta_url' }, banner: { js: importMetaUrl }, logLevel: 'warning' };

await Promise.all([
  vite({ configFile: 'vite.config.ts', logLevel: 'warn' }),
  esbuild({ ...node, entryPoints: ['main/electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  esbuild({ ...node, entryPoints: ['preload/index.ts'], outfile: 'dist/preload.cjs', external: ['electron'] }),
  esbuild({ ...node, entryPoints: ['main/cli/run.ts'], outfile: 'dist/cli.cjs', banner: { js: `#!/usr/bin/env node\n${importMetaUrl}` } }),
  // The device service: native device I/O in its own process (utilityProcess / child_process.fork).
  esbuild({ ...node, entryPoints: ['main/devices/service/child-main.ts'], outfile: 'dist/device-service.cjs' }),
]);
// The pty relay behind the device simulators (training mode) sits beside each bundle that may start one.
for (const dir of ['dist', 'dist/electron']) fs.copyFileSync('native/serial/pty-relay.py', `${dir}/pty-relay.py`);
console.log(`build: renderer, electron main, preload and CLI in ${Date.now() - started} ms`);
