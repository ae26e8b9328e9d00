#!/usr/bin/env node
// Runs the TypeScript sources directly: tsx registers its ESM loader, then main.ts starts the server.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
