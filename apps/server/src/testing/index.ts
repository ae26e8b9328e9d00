// The server's test helpers for the sandbox's whole-product tests (server and worker together).
export { captureLogs, leaks } from './capture-logs.ts';
export { openConnectLink } from './connect-in-browser.ts';
export { type LiveWorld, startLiveWorld } from './live-world.ts';
export { TEST_CONFIG } from './test-server.ts';
