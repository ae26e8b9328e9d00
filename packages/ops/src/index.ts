// Public surface of @ledgersync/ops: what the server's and the worker's operations endpoints share.

export { checkScrapeToken, SCRAPE_CHALLENGE } from './check-scrape-token.ts';
export { healthReport } from './health-report.ts';
