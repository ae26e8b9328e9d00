import { world } from '@x/engine/testing';

export const greeting = world();
