import { jestProject } from '../jest.preset.js';

// The repository's own checks; their tests sit beside them, and test-fixtures/ is data only.
export default { ...jestProject('scripts'), testMatch: ['<rootDir>/*.test.ts'] };
