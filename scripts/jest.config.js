import { jestProject } from '../jest.preset.js';

// The repository's own scripts are plain Node modules (.mjs), tested as Node runs them.
export default { ...jestProject('scripts'), testMatch: ['<rootDir>/**/*.test.mjs'] };
