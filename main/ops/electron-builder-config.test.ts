import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { minimatch } from 'minimatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

// electron-builder cannot run here (no Electron download), so its configuration is checked the way
// electron-builder itself checks it, and its globs are run against the real build output.
const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const config = yaml.load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const built = fs.existsSync(path.join(ROOT, 'dist', 'electron', 'main.cjs'));

async function validate(c: unknown): Promise<void> {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
  await validateConfiguration(c, { isEnabled: false, add() {} });
}

/** The app files electron-builder would take: `files` patterns applied in order, like its filter. */
function packedFiles(): string[] {
  const all: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      if (['node_modules', '.git', 'release', 'test-output', 'test-results'].includes(rel)) continue;
      if (e.isDirectory()) walk(rel);
      else all.push(rel);
    }
  };
  walk('');
  const patterns: string[] = config.files;
  return all.filter((file) => {
    let included = false;
    for (const p of patterns) {
      if (p.startsWith('!')) {
        if (minimatch(file, p.slice(1), { dot: true })) included = false;
      } else if (minimatch(file, p, { dot: true })) included = true;
    }
    return included;
  });
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('the validator is live: a misspelled option is refused', async () => {
    await expect(validate({ ...config, nsis: { ...config.nsis, perMachin: true } })).rejects.toThrow(/Invalid configuration/);
  });

  it('targets Windows NSIS x64 with the per-machine choice, and Linux deb + AppImage on x64 and arm64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    const linux = Object.fromEntries(config.linux.target.map((t: { target: string; arch: string[] }) => [t.target, t.arch]));
    expect(linux).toEqual({ deb: ['x64', 'arm64'], AppImage: ['x64', 'arm64'] });
    expect(config.productName).toBe('一窗');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.fileAssociations).toBeUndefined();
    expect(config.protocols).toBeUndefined();
  });

  it('names every artifact with version and arch', () => {
    for (const name of [config.artifactName, config.win.artifactName, config.deb.artifactName, config.appImage.artifactName]) {
      expect(name).toContain('${version}');
      expect(name).toContain('${arch}');
    }
  });

  it('skips the npm rebuild and has the explicit native step as its beforePack hook', async () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toEqual(['**/*.node', 'dist/**/pty-relay.py']);
    const hook = require(path.join(ROOT, config.beforePack));
    expect(typeof hook.default).toBe('function');
    const { checkNativeBinaries } = require(path.join(ROOT, 'packaging', 'native-modules.cjs'));
    const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
    expect(checkNativeBinaries(process.platform, arch)).toEqual([]);
    // A mismatched target is refused with the command that fixes it.
    const other = process.platform === 'win32' ? 'linux' : 'win32';
    await expect(hook.default({ electronPlatformName: other, arch: 1 })).rejects.toThrow(/native-modules\.cjs fetch/);
  });

  it('ships the maintenance CLI launchers beside the executable', () => {
    const extra = [...config.win.extraFiles, ...config.linux.extraFiles] as Array<{ from: string; to: string }>;
    expect(extra.map((e) => e.to)).toEqual(['yichuang-cli.cmd', 'yichuang-cli']);
    for (const e of extra) expect(fs.readFileSync(path.join(ROOT, e.from), 'utf8')).toContain('ELECTRON_RUN_AS_NODE=1');
    if (process.platform !== 'win32') expect(fs.statSync(path.join(ROOT, 'packaging/cli/yichuang-cli')).mode & 0o111).not.toBe(0);
  });

  it('publishes through a generic update provider', () => {
    expect(config.publish[0]).toMatchObject({ provider: 'generic', channel: 'latest' });
    expect(String(config.publish[0].url)).toMatch(/^https?:\/\//);
  });

  it('ships icons electron-builder can use: a ≥256 px PNG for Windows and a size set for Linux', () => {
    const winIcon = PNG.sync.read(fs.readFileSync(path.join(ROOT, config.win.icon)));
    expect(winIcon.width).toBeGreaterThanOrEqual(256);
    const sizes = fs.readdirSync(path.join(ROOT, config.linux.icon)).filter((f) => /^\d+x\d+\.png$/.test(f));
    expect(sizes).toEqual(expect.arrayContaining(['16x16.png', '48x48.png', '256x256.png', '512x512.png']));
  });

  it('keeps the runtime modules the bundles leave external in production dependencies', () => {
    for (const m of ['sqlite3', 'serialport', 'node-hid', 'pino', 'electron-updater', 'yazl']) expect(pkg.dependencies).toHaveProperty(m);
    expect(pkg.devDependencies).toHaveProperty('electron');
  });

  it('asarUnpack covers every native addon the app loads', () => {
    const addons = ['sqlite3/build/Release/node_sqlite3.node', 'node-hid/prebuilds/HID-linux-x64/node-napi-v4.node', '@serialport/bindings-cpp/prebuilds/win32-x64/@serialport+bindings-cpp.node'];
    for (const a of addons) {
      expect(fs.existsSync(path.join(ROOT, 'node_modules', a))).toBe(true);
      expect(config.asarUnpack.some((g: string) => minimatch(`node_modules/${a}`, g, { dot: true }))).toBe(true);
    }
  });

  describe.skipIf(!built)('files globs against the built dist/ (run `npm run build` first)', () => {
    const files = built ? packedFiles() : [];

    it('take every entry point and the renderer', () => {
      expect(files).toEqual(
        expect.arrayContaining([pkg.main, 'package.json', 'dist/preload.cjs', 'dist/cli.cjs', 'dist/device-service.cjs', 'dist/renderer/index.html', 'resources/icons/icon.png']),
      );
      expect(files.some((f) => f.startsWith('dist/renderer/assets/'))).toBe(true);
    });

    it('leave out source maps, sources and tests', () => {
      expect(files.filter((f) => f.endsWith('.map') || f.endsWith('.ts') || /^(main|native|common|renderer|e2e|bench)\//.test(f))).toEqual([]);
    });

    it.skipIf(process.platform === 'win32')('the Linux CLI launcher runs the CLI bundle with the app runtime as Node', () => {
      // An install tree as the deb lays it out; `yichuang` is node here (Electron with ELECTRON_RUN_AS_NODE).
      const install = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-install-'));
      try {
        const app = path.join(install, 'resources', 'app.asar');
        fs.mkdirSync(path.join(app, 'dist'), { recursive: true });
        fs.copyFileSync(path.join(ROOT, 'dist', 'cli.cjs'), path.join(app, 'dist', 'cli.cjs'));
        fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(app, 'package.json'));
        fs.symlinkSync(path.join(ROOT, 'resources'), path.join(app, 'resources'));
        fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'));
        fs.symlinkSync(process.execPath, path.join(install, 'yichuang'));
        fs.copyFileSync(path.join(ROOT, 'packaging', 'cli', 'yichuang-cli'), path.join(install, 'yichuang-cli'));
        fs.chmodSync(path.join(install, 'yichuang-cli'), 0o755);
        const out = execFileSync(path.join(install, 'yichuang-cli'), ['--version'], { encoding: 'utf8' });
        expect(out.trim()).toBe(pkg.version);
      } finally {
        fs.rmSync(install, { recursive: true, force: true });
      }
    });

    it('each include pattern matches something (no stale globs)', () => {
      for (const p of (config.files as string[]).filter((g) => !g.startsWith('!')))
        expect(files.some((f) => minimatch(f, p, { dot: true })), `pattern ${p} matches nothing`).toBe(true);
    });
  });
});
