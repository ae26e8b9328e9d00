import { jestProject } from '../../jest.preset.js';

const base = jestProject('server');

export default {
  ...base,
  moduleNameMapper: {
    // Fastify's inject (light-my-request) requires `cookie`, whose hoisted 2.x is ESM-only; Jest's
    // CommonJS loader on Node 20 cannot require it. The 1.x build here has the same parse/serialize.
    '^cookie$': '<rootDir>/node_modules/cookie/dist/index.js',
    // Same for content-disposition 3, required by @fastify/static (the Swagger UI's file server).
    '^content-disposition$': '<rootDir>/src/testing/content-disposition.cjs',
  },
};
