import { jestProject } from '../../jest.preset.js';

const base = jestProject('sandbox');

export default {
  ...base,
  // The sandbox runs the server in-process: its Swagger UI's @fastify/static requires the ESM-only
  // content-disposition 3, which Jest's CommonJS loader cannot; the server's CommonJS shim stands in.
  moduleNameMapper: {
    '^content-disposition$': '<rootDir>/../server/src/testing/content-disposition.cjs',
  },
};
