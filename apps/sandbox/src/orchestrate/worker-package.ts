// The worker's adapter wiring is not in its public index yet; reached by path, here only.
export { workerEnvSchema } from '../../../worker/src/config.ts';
export { startWorker } from '../../../worker/src/create-worker.ts';
export { createAdapterPortsFor } from '../../../worker/src/wire-adapters.ts';
