/** @type {import('jest').Config} */
const fs = require('node:fs');
const swcConfig = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcConfig.$schema;

// ESM-only packages that CommonJS code requires (jose 6; Node >= 20.19 loads them natively, jest's loader needs
// them transformed to CommonJS).
const ESM_PACKAGES = ['jose'];
const jsConfig = {
  jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' },
  module: { type: 'commonjs' },
};

/** What both tiers share. */
const common = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['@swc/jest', swcConfig], '^.+\\.m?js$': ['@swc/jest', jsConfig] },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  // The typed client (an npm workspace) from its sources, as tsconfig.json's `paths` resolves it: no build needed.
  moduleNameMapper: { '^@autopay/client$': '<rootDir>/clients/typescript/src/index.ts' },
};

/**
 * Two tiers. `unit`: the specs beside the code, no PostgreSQL, no emulator process (`npm run test:unit`).
 * `e2e`: the real application against a real PostgreSQL (DATABASE_URL, or an embedded one started by the global
 * setup) and the emulator over HTTP. `npm test` runs both.
 */
module.exports = {
  testTimeout: 30000,
  maxWorkers: process.env.CI ? 2 : '50%',
  projects: [
    {
      ...common,
      displayName: 'unit',
      // test/docs/*.spec.ts: the docs checked against the code (no database).
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/docs/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
