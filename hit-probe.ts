import { itemCode, openTestStack } from './main/intake/testing';
import { withIdCheckChar } from './common/domain/id-number';
(async () => {
  const stack = await openTestStack({ now: new Date() });
  const code = itemCode(stack, '失业保险金申领');
  const specs = await stack.catalog.materials(code);
  const materials = specs.map((m) => ({ code: m.code, state: 'received' as const }));
  const applicant = { kind: 'person' as const, idType: 'resident' as const, idNumber: withIdCheckChar('46010219900101002'), name: '符海燕', phone: '13876543210' };
  const db: any = stack.db; const orig = db.writeBatch.bind(db); let tb = 0, cb = 0;
  db.writeBatch = async (s: string[]) => { if (process.env.NOEXP) s = s.filter((x) => !x.startsWith('INSERT INTO temp.')); if (process.env.SHOW && !(globalThis as any).shown) { (globalThis as any).shown = 1; console.log(s.map((x) => x.length), s.join(';\n').slice(0, 3000)); } const c = process.cpuUsage(); const t = performance.now(); await orig(s); tb += performance.now() - t; const u = process.cpuUsage(c); cb += (u.user + u.system) / 1000; };
  const { writeAsBatch } = await import('./main/intake/batch-decision'); const svc: any = stack.intake; const prep = svc.prepare.bind(svc); let tp = 0;
  svc.prepare = async (...a: any[]) => { const t = performance.now(); const r = await prep(...a); tp += performance.now() - t; return r; };
  for (let i = 0; i < 50; i++) await stack.intake.accept({ itemCode: code, applicant, materials }, stack.actor);
  tb = tp = cb = 0; let tt = 0; let ct = 0;
  const N = 300;
  for (let i = 0; i < N; i++) { const c = process.cpuUsage(); const t = performance.now(); await stack.intake.accept({ itemCode: code, applicant, materials }, stack.actor); tt += performance.now() - t; const u = process.cpuUsage(c); ct += (u.user + u.system) / 1000; }
  console.log({ decideOther: 0, total: tt / N, cpu: ct / N, prepare: tp / N, batch: tb / N, batchCpu: cb / N });
  await stack.close();
})();
