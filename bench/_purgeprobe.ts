import sqlite3 from 'sqlite3';
const prof: Array<[string, number]> = [];
const seen = new WeakSet<object>();
const P = sqlite3.Database.prototype as any;
for (const m of ['prepare', 'all', 'get', 'run', 'exec', 'each']) {
  const orig = P[m];
  P[m] = function (this: any, ...a: unknown[]) {
    if (!seen.has(this)) { seen.add(this); this.on('profile', (s: string, ms: number) => prof.push([s.replace(/\s+/g, ' ').slice(0, 100), ms])); }
    return orig.apply(this, a);
  };
}
const { openDatabase } = await import('../main/db/database');
const { purgeExpiredPii } = await import('../main/retention/purge');
const d = await openDatabase(process.argv[2]!, { skipQuickCheck: true });
for (let i = 0; i < 2; i++) {
  prof.length = 0;
  const t = performance.now();
  const r = await purgeExpiredPii(d.db, { days: 30, limit: 500 });
  console.log('sweep', (performance.now() - t).toFixed(0), 'ms', r.purged.length);
  const agg = new Map<string, [number, number]>();
  for (const [s, ms] of prof) { const e = agg.get(s) ?? [0, 0]; e[0] += ms; e[1]++; agg.set(s, e); }
  for (const [s, [ms, n]] of [...agg].sort((a, b) => b[1][0] - a[1][0]).slice(0, 8)) console.log(String(ms).padStart(6), n, s);
}
await d.close();
