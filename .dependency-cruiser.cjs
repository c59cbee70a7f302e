// The room rules of ARCHITECTURE.md, executable. Run by `npm test` (npm run lint:rooms).

/**
 * The layers inside main/, bottom to top. A file may import its own layer or a lower one, never a
 * higher one (at every depth: the patterns match a folder and everything under it). Together with
 * `no-circular` this keeps every arrow in main/ pointing down. A new folder in main/ must be added
 * here (the `main-folder-has-a-layer` rule fails until it is).
 */
const MAIN_LAYERS = [
  // Infrastructure owned by the window: the database owner and migrations, settings, crypto, the internal event bus.
  { name: 'platform', folders: ['db', 'config', 'crypto', 'events', 'log'] },
  // The services of the domain; they may use each other without a circle.
  { name: 'domain', folders: ['audit', 'auth', 'catalog', 'intake', 'reviews', 'notice', 'sync', 'retention', 'updater', 'devices', 'scanning', 'ops', 'applicant-screen', 'materials', 'uploads', 'handover', 'appointments', 'queue', 'camera'] },
  // The router and its handlers: validation, roles, one handler per contract method.
  { name: 'api', folders: ['api'] },
  // The composition root: builds every subsystem and the router, in one place.
  { name: 'app', folders: ['app'] },
  // What reaches a caller: Electron IPC, the loopback host, the command line.
  { name: 'transports', folders: ['electron', 'host', 'cli'] },
];
const folderPattern = (folders) => `^main/(${folders.join('|')})/`;
const layerRules = MAIN_LAYERS.slice(0, -1).map((layer, i) => ({
  name: `main-layer-${layer.name}-imports-no-higher-layer`,
  comment: `main/ layers: ${MAIN_LAYERS.map((l) => l.name).join(' → ')}. ${layer.name} (${layer.folders.join(', ')}) may not import ${MAIN_LAYERS.slice(i + 1).map((l) => l.name).join(', ')}.`,
  severity: 'error',
  from: { path: folderPattern(layer.folders) },
  to: { path: folderPattern(MAIN_LAYERS.slice(i + 1).flatMap((l) => l.folders)) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No file reaches itself through its imports, anywhere in the repository.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'main-folder-has-a-layer',
      comment: 'Every file in main/ lives in a folder assigned to a layer (MAIN_LAYERS above).',
      severity: 'error',
      from: { path: '^main/', pathNot: folderPattern(MAIN_LAYERS.flatMap((l) => l.folders)) },
      to: {},
    },
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
