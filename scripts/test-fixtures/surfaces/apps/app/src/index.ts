export { internalThing, startApp } from './start.ts';
