// Integration tests share 2 cores with PostgreSQL and the emulators; Jest's 5 s default is too
// tight under load. (testTimeout in a project config is ignored when run from the root, so it is
// set here, per test file.)
import { jest } from '@jest/globals';

jest.setTimeout(30_000);
