// electron-builder beforePack hook: refuse to pack a target whose native binaries do not match it
// (npmRebuild is off; see native-modules.cjs for the step that prepares them).
'use strict';
const { checkNativeBinaries } = require('./native-modules.cjs');

const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

exports.default = async function beforePack(context) {
  const platform = context.electronPlatformName;
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  const problems = checkNativeBinaries(platform, arch);
  if (problems.length) throw new Error(`原生模块与目标平台不符：\n${problems.join('\n')}`);
};
