import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const DEPCRUISE = path.join(ROOT, 'node_modules', '.bin', 'depcruise');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-rooms-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Runs the project's room rules over a small tree of fixture files; returns the rule names broken. */
function violations(files: Record<string, string>): string[] {
  const dir = fs.mkdtempSync(path.join(work, 't-'));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  const rooms = ['common', 'platform', 'native', 'main', 'preload', 'renderer', 'central'].filter((r) => fs.existsSync(path.join(dir, r)));
  const r = spawnSync(DEPCRUISE, ['--config', path.join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json', ...rooms], { cwd: dir, encoding: 'utf8' });
  const out = JSON.parse(r.stdout) as { summary: { violations: Array<{ rule: { name: string } }> } };
  return out.summary.violations.map((v) => v.rule.name).sort();
}

describe('room rules (ARCHITECTURE.md) as executable checks', () => {
  it('pass for imports that follow the rooms', () => {
    expect(
      violations({
        'common/a.ts': 'export const a = 1;',
        'native/n.ts': "import { a } from '../common/a'; export const n = a;",
        'platform/p.ts': "import { a } from '../common/a'; export const p = a;",
        'main/db/d.ts': "import { p } from '../../platform/p'; export const d = p;",
        'main/intake/m.ts': "import { n } from '../../native/n'; import { d } from '../db/d'; export const m = n + d;",
        'main/electron/e.ts': "import 'electron'; import { m } from '../intake/m'; export const e = m;",
        'central/c.ts': "import { p } from '../platform/p'; export const c = p;",
        'renderer/r.ts': "import { a } from '../common/a'; export const r = a;",
      }),
    ).toEqual([]);
  }, 30_000);

  it('fail when electron is imported outside main/electron, when the renderer imports main or native, and when common imports a room', () => {
    expect(
      violations({
        'common/a.ts': "import { m } from '../main/intake/m'; export const a = m;",
        'native/n.ts': "import 'electron'; export const n = 1;",
        'main/intake/m.ts': 'export const m = 1;',
        'renderer/r.ts': "import { m } from '../main/intake/m'; import { n } from '../native/n'; export const r = m + n;",
      }),
    ).toEqual(['common-imports-no-room', 'electron-only-in-main-electron', 'renderer-talks-only-to-the-bridge', 'renderer-talks-only-to-the-bridge']);
  }, 30_000);

  it('fail when platform or central imports main, when a main layer imports a higher one, and on a circle', () => {
    expect(
      violations({
        'platform/p.ts': "import { m } from '../main/intake/m'; export const p = m;",
        'central/c.ts': "import { d } from '../main/db/d'; export const c = d;",
        'main/db/d.ts': "import { h } from '../api/h'; export const d = h;",
        'main/api/h.ts': 'export const h = 1;',
        'main/intake/m.ts': "import { k } from './k'; export const m = 1; export const mk = k;",
        'main/intake/k.ts': "import { m } from './m'; export const k = m;",
        'main/stray/s.ts': "import { h } from '../api/h'; export const s = h;",
      }),
    ).toEqual(['central-imports-common-and-platform', 'main-folder-has-a-layer', 'main-layer-platform-imports-no-higher-layer', 'no-circular', 'platform-imports-common-only']);
  }, 30_000);
});
