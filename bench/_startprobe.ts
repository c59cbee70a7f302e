import fs from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
const prof: Array<[string, number]> = [];
const seen = new WeakSet<object>();
const P = sqlite3.Database.prototype as any;
for (const m of ['prepare', 'all', 'get', 'run', 'exec', 'each']) {
  const orig = P[m];
  P[m] = function (this: any, ...a: unknown[]) {
    if (!seen.has(this)) { seen.add(this); this.on('profile', (s: string, ms: number) => prof.push([s.replace(/\s+/g, ' ').slice(0, 160), ms])); }
    return orig.apply(this, a);
  };
}
const { createApp } = await import('../main/app/app');
const dir = process.argv[2]!;
const n = Number(process.argv[3] ?? 3);
for (let i = 0; i < n; i++) {
  prof.length = 0;
  const t = performance.now();
  const app = await createApp({ dataDir: dir, mode: 'normal', transport: 'test' });
  const ms = performance.now() - t;
  await app.close();
  const lines = fs.readFileSync(path.join(dir, 'logs', 'yichuang.log'), 'utf8').trim().split('\n').filter((l) => l.includes('app started'));
  console.log(ms.toFixed(1), JSON.stringify(JSON.parse(lines.at(-1)!).startupMs));
  if (i === n - 1) {
    const total = prof.reduce((s, p) => s + p[1], 0);
    console.log(`statements ${prof.length} total ${total} ms`);
    for (const [s, ms] of [...prof].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(String(ms).padStart(5), s);
  }
}
