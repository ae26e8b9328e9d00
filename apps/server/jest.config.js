import { jestProject } from '../../jest.preset.js';

const base = jestProject('server');

export default {
  ...base,
  // Fastify's inject (light-my-request) requires `cookie`, whose hoisted 2.x is ESM-only; Jest's
  // CommonJS loader on Node 20 cannot require it. The 1.x build here has the same parse/serialize.
  moduleNameMapper: { '^cookie$': '<rootDir>/node_modules/cookie/dist/index.js' },
};
