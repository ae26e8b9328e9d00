export { createTestDatabase, TEST_SERVER_URL, type TestDatabase } from './create-test-database.ts';
