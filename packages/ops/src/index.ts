// Public surface of @ledgersync/ops: what the server's and the worker's operations endpoints share.

export { checkScrapeToken, SCRAPE_CHALLENGE, type ScrapeCheck } from './check-scrape-token.ts';
export { type HealthReport, healthReport } from './health-report.ts';
