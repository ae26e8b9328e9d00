// What other workspaces use: the sandbox starts the worker in its own process (the bench spawns
// src/main.ts). Job names, keys and the functions that enqueue live in @ledgersync/jobs.

export { startWorker } from './create-worker.ts';
export { workerEnvSchema } from './worker-config.ts';
