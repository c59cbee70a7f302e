// Writes the host's V8 code cache of the CLI bundle from a training run, not a bare compile (run by
// scripts/build.mjs as its own process): `node scripts/warm-code-cache.mjs dist/cli.cjs`.
// A cache made right after compiling holds only the bundle's top level; every function first run at
// start (the zod contracts, the subsystems, the handlers) is still compiled by each `yichuang host`.
// Made after a host has started and answered the first screen's calls, the cache holds those too:
// the host gets to its first answer with less CPU (issue 15, bench ui-startup). The run is the real
// host in training mode on a temporary data folder and a random port; it is stopped as SIGTERM
// stops any host. Exits non-zero when the host does not get there (the host then uses the plain cache).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compile, runBundle, writeCodeCache } from './code-cache.mjs';

const LIMIT_MS = 60_000;
// What the intake screen asks first (renderer: App → AppFrame → IntakeScreen), in the order it asks.
const FIRST_CALLS = [
  { method: 'auth.status' },
  { method: 'sync.status' },
  { method: 'uploads.status' },
  { method: 'devices.statuses' },
  { method: 'catalog.search', input: { q: '', limit: 6 } },
  { method: 'catalog.bundles' },
  { method: 'queue.status' },
];

const file = path.resolve(process.argv[2]);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-warm-'));
process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
setTimeout(() => {
  process.stderr.write(`warm-code-cache: the host did not answer in ${LIMIT_MS / 1000} s\n`);
  process.exit(1);
}, LIMIT_MS).unref();

const token = crypto.randomBytes(24).toString('hex');
process.argv = [process.argv[0], file, '--data-dir', dataDir, 'host', '--port', '0', '--demo', '--token', token];
// The host's own lines (its address, the set-up code) are not the build's output: kept to find the address.
let printed = '';
const origin = new Promise((resolve) => {
  process.stdout.write = (chunk) => {
    printed += chunk;
    const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=/.exec(printed);
    if (m) resolve(m[1]);
    return true;
  };
});
const script = compile(file);
runBundle(file, 'host', script);

const url = await origin;
for (const call of FIRST_CALLS) {
  const res = await fetch(`${url}/api/invoke`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, origin: url, 'content-type': 'application/json' },
    body: JSON.stringify(call),
  });
  await res.arrayBuffer();
  if (call.method === 'auth.status' && !res.ok) {
    process.stderr.write(`warm-code-cache: auth.status answered ${res.status}\n`);
    process.exit(1);
  }
}
writeCodeCache(file, script, 'host');
// Stopped as any host is: its SIGTERM handler closes the app and exits.
process.kill(process.pid, 'SIGTERM');
