export type MigrationErrorCode = 'migration_modified' | 'migration_missing' | 'migration_failed_before';

/** A migration history that we must not build on; the message says which migration and what to do. */
export class MigrationError extends Error {
  constructor(
    readonly code: MigrationErrorCode,
    readonly migration: string,
    message: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}
