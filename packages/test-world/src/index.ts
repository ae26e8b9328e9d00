// Public surface of @ledgersync/test-world: the one world the server's, the worker's and the
// bench's end-to-end tests start.

export { startTestWorld, type TestWorld, type TestWorldOptions } from './start-test-world.ts';
export { type HsObject, syncingPortal } from './syncing-portal.ts';
export type { TestPortal } from './test-portal.ts';
