import { describe, expect, it } from '@jest/globals';
import { rateLimitFloor } from './floor.ts';
import { inboundMinimum, outboundMinimum } from './minimum-calls.ts';
import { REAL_RATE_LIMITS } from './rate-limits.ts';

const none = { quickbooksRequests: 0, quickbooksBatches: 0, hubspotRequests: 0, hubspotSearches: 0 };

describe('rate-limit floor', () => {
  it('is the slower side: 220 HubSpot calls at 110 per 10 s take 20 s; 500 QBO requests take a minute', () => {
    expect(rateLimitFloor({ ...none, hubspotRequests: 220 }, REAL_RATE_LIMITS).floorMs).toBe(20_000);
    expect(rateLimitFloor({ ...none, quickbooksRequests: 500 }, REAL_RATE_LIMITS).floorMs).toBe(60_000);
    const both = rateLimitFloor({ ...none, hubspotRequests: 220, quickbooksRequests: 500 }, REAL_RATE_LIMITS);
    expect(both.bySide).toEqual({ hubspot: 20_000, quickbooks: 60_000 });
    expect(both.floorMs).toBe(60_000);
  });

  it('counts QBO batches against their own 40 per minute and the 500 per minute', () => {
    expect(rateLimitFloor({ ...none, quickbooksBatches: 80 }, REAL_RATE_LIMITS).floorMs).toBe(120_000);
  });

  it('counts HubSpot searches against 5 per second', () => {
    expect(rateLimitFloor({ ...none, hubspotSearches: 50 }, REAL_RATE_LIMITS).floorMs).toBe(10_000);
  });

  it('the burst floor spends the first window at once, so calls within one window cost nothing', () => {
    const f = rateLimitFloor({ ...none, hubspotRequests: 110 }, REAL_RATE_LIMITS);
    expect(f.burstFloorMs).toBe(0);
    expect(rateLimitFloor({ ...none, hubspotRequests: 111 }, REAL_RATE_LIMITS).burstFloorMs).toBe(10_000);
  });

  it('a per-call delay costs QBO calls in rounds of 10 concurrent', () => {
    const f = rateLimitFloor({ ...none, quickbooksRequests: 25 }, REAL_RATE_LIMITS, 1_000);
    expect(f.bySide.quickbooks).toBe(3_000);
  });
});

describe('minimum calls', () => {
  it('inbound 2,000 invoices of 3 lines: 20 invoice and 60 line-item creates, contacts and products, and 20 updates that open the invoices', () => {
    const m = inboundMinimum({ invoices: 2_000, linesPerInvoice: 3, customers: 50, items: 10 });
    expect(m).toEqual({
      quickbooksRequests: 4,
      quickbooksBatches: 0,
      hubspotRequests: 102,
      hubspotSearches: 0,
    });
  });

  it('outbound 1,000 invoices: QBO batches of 30 for customers, items and invoices', () => {
    const m = outboundMinimum({ invoices: 1_000, linesPerInvoice: 3, contacts: 50, products: 10 });
    expect(m.quickbooksBatches).toBe(2 + 1 + 34);
    expect(m.hubspotRequests).toBe(10 + 2 + 30 + 1 + 1);
  });
});
