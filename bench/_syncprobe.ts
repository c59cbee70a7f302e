import sqlite3 from 'sqlite3';
const blocked = new Map<string, [number, number]>();
const S = sqlite3.Statement.prototype as any;
for (const m of ['all', 'run', 'get']) {
  const orig = S[m];
  S[m] = function (this: any, ...a: unknown[]) {
    const t = performance.now();
    const r = orig.apply(this, a);
    const k = `${m} ${String(this.sql ?? '').replace(/\s+/g, ' ').slice(0, 120)}`;
    const e = blocked.get(k) ?? [0, 0];
    e[0] += performance.now() - t; e[1]++;
    blocked.set(k, e);
    return r;
  };
}
const { createApp } = await import('../main/app/app');
const dir = process.argv[2]!;
const t = performance.now();
const app = await createApp({ dataDir: dir, mode: 'normal', transport: 'test', background: process.argv[3] === 'bg' });
console.log('createApp', (performance.now() - t).toFixed(1));
await new Promise((r) => setTimeout(r, Number(process.argv[4] ?? 0)));
await app.close();
for (const [k, [ms, n]] of [...blocked].sort((a, b) => b[1][0] - a[1][0]).slice(0, 12)) console.log(ms.toFixed(1).padStart(8), n, k);
