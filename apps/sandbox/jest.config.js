import { jestProject } from '../../jest.preset.js';

const base = jestProject('sandbox');

export default {
  ...base,
  // The sandbox runs the server in-process, so it needs the server's stand-ins for two ESM-only
  // packages Jest's CommonJS loader cannot require on Node 20 (see apps/server/jest.config.js):
  // `cookie` 2 (Fastify's inject) and content-disposition 3 (the Swagger UI's @fastify/static).
  moduleNameMapper: {
    '^cookie$': '<rootDir>/../server/node_modules/cookie/dist/index.js',
    '^content-disposition$': '<rootDir>/../server/src/testing/content-disposition.cjs',
  },
};
