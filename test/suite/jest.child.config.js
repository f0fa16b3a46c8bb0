// A jest run inside a test (test/suite/*.e2e-spec.ts): the e2e project as configured, only the files given
// (CHILD_JEST_FILES); without the global setup and teardown (the parent run's template database is handed over in
// the environment) unless CHILD_JEST_GLOBAL=1.
const base = require('../../jest.config.js');
const e2e = base.projects.find((p) => p.displayName === 'e2e');
const { globalSetup: _setup, globalTeardown: _teardown, displayName: _name, ...project } = e2e;

const withGlobal = process.env.CHILD_JEST_GLOBAL === '1';

module.exports = {
  ...project,
  ...(withGlobal ? { globalSetup: e2e.globalSetup, globalTeardown: e2e.globalTeardown } : {}),
  rootDir: `${__dirname}/../..`,
  testTimeout: base.testTimeout,
  testMatch: (process.env.CHILD_JEST_FILES ?? '').split(',').map((f) => `<rootDir>/${f}`),
};
