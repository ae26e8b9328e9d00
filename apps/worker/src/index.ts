// What other workspaces use: the sandbox starts the worker in its own process, the bench runs it
// against its own ports. Job names, keys and the functions that enqueue live in @ledgersync/jobs.

export { startWorker } from './create-worker.ts';
export { workerEnvSchema } from './worker-config.ts';
