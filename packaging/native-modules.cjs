// The explicit native-module step of packaging (electron-builder runs with npmRebuild: false).
// sqlite3, serialport and node-hid use N-API, so one binary serves Node and every Electron version:
// nothing is compiled against Electron headers. What matters is that the binary shipped matches the
// target platform and CPU. serialport and node-hid ship prebuilds for all targets; sqlite3 keeps one
// binary in build/Release, fetched for the target with prebuild-install:
//   node packaging/native-modules.cjs fetch linux arm64   # before `electron-builder --linux --arm64`
//   node packaging/native-modules.cjs check linux arm64   # what the beforePack hook runs
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const MACHINES = { x64: [0x3e, 0x8664], arm64: [0xb7, 0xaa64] }; // [ELF e_machine, PE machine]

/** The target a native binary was built for, e.g. 'linux-x64' or 'win32-arm64', read from its ELF/PE header. */
function binaryTarget(file) {
  const b = fs.readFileSync(file, { flag: 'r' });
  const format = b.readUInt32BE(0) === 0x7f454c46 ? 'linux' : b.toString('latin1', 0, 2) === 'MZ' ? 'win32' : 'unknown';
  return `${format}-${binaryArch(file)}`;
}

/** The CPU a native binary was built for ('x64', 'arm64', or 'unknown'). */
function binaryArch(file) {
  const b = fs.readFileSync(file);
  let machine = null;
  if (b.length > 20 && b.readUInt32BE(0) === 0x7f454c46) machine = { elf: b.readUInt16LE(18) };
  else if (b.length > 0x40 && b.toString('latin1', 0, 2) === 'MZ') {
    const pe = b.readUInt32LE(0x3c);
    if (b.toString('latin1', pe, pe + 4) === 'PE\0\0') machine = { pe: b.readUInt16LE(pe + 4) };
  }
  if (!machine) return 'unknown';
  for (const [arch, [elf, pe]] of Object.entries(MACHINES)) if (machine.elf === elf || machine.pe === pe) return arch;
  return 'unknown';
}

/** The binary each native module will load on `platform`/`arch`. */
function nativeBinaries(platform, arch, root = ROOT) {
  const nm = path.join(root, 'node_modules');
  const serialTag = arch === 'arm64' ? '.armv8' : '';
  return [
    { module: 'sqlite3', file: path.join(nm, 'sqlite3', 'build', 'Release', 'node_sqlite3.node') },
    {
      module: 'serialport',
      file: path.join(nm, '@serialport', 'bindings-cpp', 'prebuilds', `${platform}-${arch}`, `@serialport+bindings-cpp${serialTag}${platform === 'linux' ? '.glibc' : ''}.node`),
    },
    { module: 'node-hid', file: path.join(nm, 'node-hid', 'prebuilds', `HID-${platform}-${arch}`, 'node-napi-v4.node') },
  ];
}

/** Problems (Chinese, with the fix) that stop a package for `platform`/`arch`; empty when all is well. */
function checkNativeBinaries(platform, arch, root = ROOT) {
  const problems = [];
  for (const { module, file } of nativeBinaries(platform, arch, root)) {
    const rel = path.relative(root, file);
    if (!fs.existsSync(file)) problems.push(`${module}：缺少 ${platform}-${arch} 的原生模块 ${rel}。请先运行 node packaging/native-modules.cjs fetch ${platform} ${arch}`);
    else if (binaryTarget(file) !== `${platform}-${arch}`) problems.push(`${module}：${rel} 是 ${binaryTarget(file)} 的，目标是 ${platform}-${arch}。请先运行 node packaging/native-modules.cjs fetch ${platform} ${arch}`);
  }
  return problems;
}

/** Downloads sqlite3's N-API prebuild for the target into node_modules/sqlite3/build/Release. */
function fetchSqlite(platform, arch, root = ROOT) {
  const dir = path.join(root, 'node_modules', 'sqlite3');
  const bin = path.join(root, 'node_modules', 'prebuild-install', 'bin.js');
  const r = spawnSync(process.execPath, [bin, '-r', 'napi', '--platform', platform, '--arch', arch, '--verbose'], { cwd: dir, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`sqlite3 的 ${platform}-${arch} 预编译模块下载失败（退出码 ${r.status}）。`);
}

module.exports = { binaryArch, binaryTarget, nativeBinaries, checkNativeBinaries, fetchSqlite };

if (require.main === module) {
  const [cmd, platform = process.platform, arch = process.arch] = process.argv.slice(2);
  if (cmd === 'fetch') fetchSqlite(platform, arch);
  else if (cmd !== 'check') {
    console.error('用法：node packaging/native-modules.cjs fetch|check [platform] [arch]');
    process.exit(2);
  }
  const problems = checkNativeBinaries(platform, arch);
  for (const p of problems) console.error(p);
  if (problems.length === 0) console.log(`native modules: sqlite3, serialport, node-hid ready for ${platform}-${arch}`);
  process.exit(problems.length ? 1 : 0);
}
