import { z } from 'zod';
import { QboError, type QboErrorCode, type QboFaultItem } from './qbo-error.ts';
import { redactSecrets } from './redact-secrets.ts';

// Intuit sends faults in two casings: `Fault.Error[].Message/Detail/code` from the data service
// and `fault.error[].message/detail/code` from the gateway (401/403/429). Both are read here.
const upperFault = z.object({
  Fault: z.object({
    type: z.string().optional(),
    Error: z
      .array(
        z.object({
          Message: z.string().optional(),
          Detail: z.string().optional(),
          code: z.string().optional(),
          element: z.string().nullable().optional(),
        }),
      )
      .default([]),
  }),
});
const lowerFault = z.object({
  fault: z.object({
    type: z.string().nullable().optional(),
    error: z
      .array(
        z.object({
          message: z.string().optional(),
          detail: z.string().optional(),
          code: z.string().optional(),
          element: z.string().nullable().optional(),
        }),
      )
      .default([]),
  }),
});

export function readFaultItems(body: unknown): QboFaultItem[] | null {
  const upper = upperFault.safeParse(body);
  if (upper.success) {
    return upper.data.Fault.Error.map((e) => ({
      code: e.code ?? '',
      message: e.Message ?? '',
      detail: e.Detail ?? '',
      element: e.element ?? null,
    }));
  }
  const lower = lowerFault.safeParse(body);
  if (lower.success) {
    return lower.data.fault.error.map((e) => ({
      code: e.code ?? '',
      message: e.message ?? '',
      detail: e.detail ?? '',
      element: e.element ?? null,
    }));
  }
  return null;
}

const BY_QBO_CODE: Readonly<Record<string, QboErrorCode>> = {
  '6240': 'DuplicateName',
  '5010': 'StaleObject',
  '610': 'ObjectNotFound',
  '6210': 'BooksClosed',
  '6000': 'BusinessValidation',
  '6140': 'DuplicateDocNumber',
  '6070': 'AmountCalculation',
  '2500': 'InvalidReference',
  '6540': 'DepositedTransaction',
  '6190': 'SubscriptionInactive',
  '600': 'DuplicateRequestId',
  '1040': 'BatchTooLarge',
  '4000': 'QueryError',
  '4001': 'QueryError',
  '4002': 'QueryError',
  '3001': 'Throttled',
  '3200': 'Unauthorized',
  '100': 'Unauthorized',
  '3100': 'Forbidden',
  '120': 'Forbidden',
  '10000': 'ServerError',
};

function classify(status: number, qboCode: string | null): QboErrorCode {
  if (status === 429) return 'Throttled';
  if (status === 401) return 'Unauthorized';
  if (qboCode !== null) {
    const known = BY_QBO_CODE[qboCode];
    if (known) return known;
  }
  if (status === 403) return 'Forbidden';
  if (status >= 500) return 'ServerError';
  if (qboCode !== null && /^[2-4]\d{3}$/.test(qboCode)) return 'Validation';
  if (status === 400) return 'Validation';
  return 'Unknown';
}

/** Turns an HTTP status and a parsed (or unparseable) body into a QboError. */
export function faultToError(status: number, body: unknown, intuitTid: string | null = null): QboError {
  const items = (readFaultItems(body) ?? []).map((i) => ({
    ...i,
    message: redactSecrets(i.message),
    detail: redactSecrets(i.detail),
  }));
  const first = items[0];
  const rawCode = first?.code ? first.code.replace(/^0+(?=\d)/, '') : null;
  const code = classify(status, rawCode);
  const text = first ? [first.message, first.detail].filter((s) => s !== '').join(': ') : '';
  const message = text !== '' ? text : `QuickBooks answered HTTP ${status}`;
  return new QboError(code, message, status, rawCode, items, intuitTid);
}

/** A Fault inside a 200 response or a batch item. */
export function faultItemsToError(items: QboFaultItem[], status = 400): QboError {
  return faultToError(status, {
    Fault: {
      Error: items.map((i) => ({ Message: i.message, Detail: i.detail, code: i.code, element: i.element })),
    },
  });
}
