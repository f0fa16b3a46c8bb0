// Architecture boundaries of src/ (issue #15), checked by `npm run lint`. The layout and what each folder is for:
// README, "Architecture". Rules name the folders of src/; tests under test/ may import anything.
const FEATURES = 'merchants|signup|charging|events|evidence|operations|demo|portal';
const CONTEXTS = `klarna|${FEATURES}`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles between files.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-folder-cycles',
      severity: 'error',
      comment: 'No import cycles between folders: a folder that needs another must not be needed by it.',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'common-and-config-know-no-feature',
      severity: 'error',
      comment: 'common/ and config/ are below every context: they import none of them.',
      from: { path: '^src/(common|config)/' },
      to: { path: `^src/(app|${CONTEXTS}|klarna-emulator)/` },
    },
    {
      name: 'common-knows-no-config',
      severity: 'error',
      comment: 'common/ is below config/ (config may use common, not the other way round).',
      from: { path: '^src/common/' },
      to: { path: '^src/config/' },
    },
    {
      name: 'nothing-imports-the-composition-root',
      severity: 'error',
      comment: 'src/app/ wires everything together; no context depends on it.',
      from: { path: '^src/', pathNot: '^src/app/' },
      to: { path: '^src/app/' },
    },
    {
      name: 'emulator-is-a-house-apart',
      severity: 'error',
      comment: "The Klarna emulator imports nothing from the service, so it catches the service's mistakes.",
      from: { path: '^src/klarna-emulator/' },
      to: { path: '^src/', pathNot: '^src/klarna-emulator/' },
    },
    {
      name: 'service-does-not-import-the-emulator',
      severity: 'error',
      comment: 'Only the in-process runner of the composition root starts the emulator.',
      from: { path: '^src/', pathNot: '^src/(klarna-emulator/|app/klarna-emulator-runner\\.ts$)' },
      to: { path: '^src/klarna-emulator/' },
    },
    {
      name: 'contexts-use-each-other-through-their-module',
      severity: 'error',
      comment:
        'Another context is used through what its Nest module exports (services, entities, DTOs, types), ' +
        'never through its controllers, jobs or hand-written SQL.',
      from: { path: `^src/(${CONTEXTS})/` },
      to: {
        path: `^src/(${CONTEXTS})/.+\\.(controller|job|queries)\\.ts$`,
        pathNot: '^src/$1/',
      },
    },
    {
      name: 'klarna-knows-no-feature',
      severity: 'error',
      comment: 'klarna/ speaks to Klarna for every context and depends on none of them.',
      from: { path: '^src/klarna/' },
      to: { path: `^src/(${FEATURES})/` },
    },
    {
      name: 'only-the-demo-uses-the-typed-client',
      severity: 'error',
      comment:
        "The typed client (clients/typescript, @autopay/client) is the partners' way in. In src/ only the demo " +
        "merchant's backend uses it, as a partner's server would; the service itself never calls its own API.",
      from: { path: '^src/', pathNot: '^src/demo/' },
      to: { path: '^clients/typescript/' },
    },
    {
      name: 'typed-client-knows-no-service',
      severity: 'error',
      comment:
        'The typed client is published on its own: it is generated from the spec and imports nothing of src/.',
      from: { path: '^clients/' },
      to: { path: '^(src|test)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
