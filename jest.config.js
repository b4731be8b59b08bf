// Jest in ESM mode (the toolkit packages are ESM-only), TypeScript through ts-jest.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['**/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['/dist/', '/node_modules/'],
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
