// Jest's CommonJS loader cannot require content-disposition 3 (ESM-only), which @fastify/static
// (behind @fastify/swagger-ui) requires as `{ create }`. Node itself loads it; under Jest the
// CommonJS 1.x here stands in: its default export is 3.x's `create`, with the same output.
const contentDisposition = require('../../node_modules/content-disposition/index.js');

module.exports = { create: contentDisposition, parse: contentDisposition.parse };
