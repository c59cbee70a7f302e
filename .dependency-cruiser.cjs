// The room rules of ARCHITECTURE.md, executable. Run by `npm test` (npm run lint:rooms).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'electron-only-in-main-electron',
      comment: 'Only main/electron/ (and the sandboxed preload, which must use contextBridge) may import electron.',
      severity: 'error',
      from: { pathNot: '^(main/electron|preload)/' },
      to: { path: '(^|/)node_modules/electron/|^electron$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'common-imports-no-room',
      comment: 'common/ runs anywhere: it may import libraries only.',
      severity: 'error',
      from: { path: '^common/' },
      to: { path: '^(platform|native|main|preload|renderer|central|resources|e2e|bench)/' },
    },
    {
      name: 'platform-imports-common-only',
      comment: 'platform/ is Node infrastructure that knows no domain (SQLite dialect, migrator, logger): it may import common/ only.',
      severity: 'error',
      from: { path: '^platform/' },
      to: { path: '^(native|main|preload|renderer|central|resources|e2e|bench)/' },
    },
    {
      name: 'native-imports-common-only',
      severity: 'error',
      from: { path: '^native/' },
      to: { path: '^(platform|main|preload|renderer|central|e2e|bench)/' },
    },
    {
      name: 'renderer-talks-only-to-the-bridge',
      comment: 'The renderer never sees Node, main/ or native/: it may import common/ only.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(platform|main|native|preload|central)/' },
    },
    {
      name: 'renderer-no-node-builtins',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'preload-imports-common-only',
      severity: 'error',
      from: { path: '^preload/' },
      to: { path: '^(platform|main|native|renderer|central)/' },
    },
    {
      name: 'main-does-not-import-ui-or-central',
      comment: 'main/ uses common/, platform/ and native/; only the CLI (and test fixtures in */testing/) may start the reference central server.',
      severity: 'error',
      from: { path: '^main/', pathNot: '^main/(cli/|[^/]+/testing/)' },
      to: { path: '^(renderer|preload|central)/' },
    },
    {
      name: 'central-imports-common-and-platform',
      comment: 'central/ is a separate server: it may import common/ and platform/ only, never a file of main/.',
      severity: 'error',
      from: { path: '^central/' },
      to: { path: '^(native|main|renderer|preload|resources|e2e|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
