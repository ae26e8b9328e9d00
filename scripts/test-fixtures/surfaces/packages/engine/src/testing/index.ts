export { unusedFixture, world } from './world.ts';
