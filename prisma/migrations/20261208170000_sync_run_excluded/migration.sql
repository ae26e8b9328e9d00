-- R-CON-7: a first sync counts the records a filter or rule left out apart from those it created.
ALTER TABLE "SyncRun" ADD COLUMN "excluded" INTEGER NOT NULL DEFAULT 0;
