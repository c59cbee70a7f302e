// Type-checks each room with its own settings (renderer: DOM, no Node; the rest: Node).
import { spawnSync } from 'node:child_process';

let failed = false;
for (const project of ['tsconfig.node.json', 'tsconfig.renderer.json', 'tsconfig.e2e.json']) {
  const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
