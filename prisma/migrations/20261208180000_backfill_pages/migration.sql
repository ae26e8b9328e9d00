-- R-FLT-4: a backfill runs one page per job; `pages` is the number of pages counted, so a job
-- runs only the page it was queued for and a retried page counts once.
ALTER TABLE "Backfill" ADD COLUMN "pages" INTEGER NOT NULL DEFAULT 0;
