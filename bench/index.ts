// `npm run bench [-- --json] [names…]`: runs every bench/*.ts that exports `bench`, one at a time
// (these machines are noisy: each figure is measured against its baseline in the same run).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bench, BenchResult } from './types';

const args = process.argv.slice(2);
if (args[0] === 'fixture') {
  await (await import('./years-fixture')).fixtureCommand(args.slice(1));
  process.exit(0);
}
const json = args.includes('--json');
// Options taking a value (`--cases N`): the value is not a bench name.
const VALUED = ['--cases'];
const only = args.filter((a, i) => !a.startsWith('--') && !VALUED.includes(args[i - 1] ?? ''));

async function discover(): Promise<Bench[]> {
  const dir = import.meta.dirname;
  const found: Bench[] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts') || ['index.ts', 'types.ts'].includes(file) || file.startsWith('_') || file === 'stats.ts') continue;
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { bench?: Bench };
    if (mod.bench) found.push(mod.bench);
  }
  return found.filter((b) => only.length === 0 || only.includes(b.name));
}

function printHuman(r: BenchResult): void {
  const { bench, ratio, baseline, goal, ...figures } = r;
  const shown = Object.entries(figures)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? +v.toFixed(3) : v}`)
    .join('  ');
  console.log(`${bench.padEnd(22)} ratio ${ratio.toFixed(3)} vs ${baseline}${goal ? ` (goal ${goal})` : ''}\n${' '.repeat(22)} ${shown}`);
}

let failures = 0;
for (const b of await discover()) {
  try {
    for (const r of await b.run()) (json ? console.log(JSON.stringify(r)) : printHuman(r));
  } catch (err) {
    failures++;
    const line = { bench: b.name, error: (err as Error).message };
    (json ? console.log(JSON.stringify(line)) : console.error(`${b.name}: FAILED ${(err as Error).message}`));
  }
}
process.exit(failures ? 1 : 0);
