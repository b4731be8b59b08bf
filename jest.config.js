import { availableParallelism } from 'node:os'

// Jest in ESM mode (the toolkit packages are ESM-only), TypeScript through ts-jest. Two projects: unit tests
// run the sources in-process; end-to-end tests run a bundle built from the current sources (global-setup.ts,
// which runs only when an end-to-end test is selected) against the emulator.
const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/dist/', '/node_modules/', '/build/'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: ['TS151001'] } }
    ]
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // End-to-end tests start processes and an emulator; a generous ceiling keeps a hang from stalling CI.
  testTimeout: 60000
}

export default {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'],
      setupFiles: ['<rootDir>/__tests__/support/quiet-toolkit.ts']
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/__tests__/e2e/global-setup.ts',
      // Every emulator answer a test draws is held to AWS's own model of its operation.
      setupFilesAfterEnv: ['<rootDir>/__tests__/contract/after-each.ts']
    }
  ],
  // Global in Jest (a project's own value is not read).
  testTimeout: 60000,
  // The end-to-end tests mostly wait (on child processes, the emulator, the sleeps of retries and bootstrap waits),
  // so two workers per core, not Jest's one fewer than the cores: on a 2-core runner the suite takes 75 s instead of
  // 183 s (measured; docs/performance.md). Capped so a large machine does not start dozens of Node processes.
  maxWorkers: Math.min(8, Math.max(2, availableParallelism() * 2))
}
