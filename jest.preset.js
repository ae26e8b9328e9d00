// Shared Jest settings for every workspace. ESM throughout: @swc/jest compiles TypeScript and JSX
// to ES modules and Node's --experimental-vm-modules runs them (see README § Development).
/** @param {string} displayName */
export function jestProject(displayName) {
  return {
    displayName,
    testEnvironment: 'node',
    setupFilesAfterEnv: [new URL('./jest.setup.js', import.meta.url).pathname],
    extensionsToTreatAsEsm: ['.ts', '.tsx'],
    moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
    testMatch: [
      '<rootDir>/src/**/*.test.ts',
      '<rootDir>/src/**/*.test.tsx',
      '<rootDir>/test/**/*.test.ts',
      '<rootDir>/test/**/*.test.tsx',
    ],
    transform: {
      '^.+\\.(t|j)sx?$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', tsx: true },
            target: 'es2022',
            transform: { react: { runtime: 'automatic' } },
          },
          module: { type: 'es6' },
        },
      ],
    },
  };
}
