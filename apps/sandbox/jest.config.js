import { jestProject } from '../../jest.preset.js';

const base = jestProject('sandbox');

export default {
  ...base,
  // The sandbox runs the server in-process: its Swagger UI's @fastify/static requires the ESM-only
  // content-disposition 3, which Jest's CommonJS loader cannot; the server's CommonJS shim stands in.
  moduleNameMapper: {
    // Likewise Fastify's inject (light-my-request) requires `cookie`, whose hoisted 2.x is ESM-only:
    // the server's 1.x build stands in, as in the server's own tests.
    '^cookie$': '<rootDir>/../server/node_modules/cookie/dist/index.js',
    '^content-disposition$': '<rootDir>/../server/src/testing/content-disposition.cjs',
  },
};
