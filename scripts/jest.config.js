import { jestProject } from '../jest.preset.js';

// The repository's own checks and the production build (plain Node modules); their tests sit beside
// them, test-fixtures/ is data only.
export default {
  ...jestProject('scripts'),
  testMatch: ['<rootDir>/*.test.ts', '<rootDir>/production/*.test.ts'],
};
