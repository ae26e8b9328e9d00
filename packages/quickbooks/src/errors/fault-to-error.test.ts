import { describe, expect, it } from '@jest/globals';
import { faultToError } from './fault-to-error.ts';

const fault = (code: string, Message: string, Detail = '') => ({
  Fault: { Error: [{ Message, Detail, code, element: '' }], type: 'ValidationFault' },
  time: '2026-01-01T00:00:00.000-08:00',
});

describe('faultToError', () => {
  it.each([
    ['6240', 'DuplicateName'],
    ['5010', 'StaleObject'],
    ['610', 'ObjectNotFound'],
    ['6210', 'BooksClosed'],
    ['6000', 'BusinessValidation'],
    ['6140', 'DuplicateDocNumber'],
    ['4000', 'QueryError'],
    ['2050', 'Validation'],
    ['6540', 'DepositedTransaction'],
  ])('maps QBO code %s to %s and keeps the original message', (code, expected) => {
    const error = faultToError(400, fault(code, 'Original message', 'Original detail'));
    expect(error.code).toBe(expected);
    expect(error.qboCode).toBe(code);
    expect(error.message).toBe('Original message: Original detail');
  });

  it('reads the gateway lower-case shape (401, 403, 429)', () => {
    const gateway = (code: string) => ({
      fault: {
        error: [{ message: `message=X; errorCode=00${code}`, detail: 'Token expired: ab', code }],
        type: 'AUTHENTICATION',
      },
    });
    expect(faultToError(401, gateway('3200')).code).toBe('Unauthorized');
    expect(faultToError(403, gateway('3100')).code).toBe('Forbidden');
    expect(faultToError(429, gateway('3001')).code).toBe('Throttled');
  });

  it('classifies bodies it cannot read by status', () => {
    expect(faultToError(503, null).code).toBe('ServerError');
    expect(faultToError(500, '<html>').transient).toBe(true);
    expect(faultToError(418, null).code).toBe('Unknown');
  });

  it('never carries the token Intuit echoes back', () => {
    const token = 'eyJlbmMiOiJBMTI4Q0JDLUhTMjU2IiwiYWxnIjoiZGlyIn0..u';
    const error = faultToError(401, {
      fault: {
        error: [
          {
            message: 'message=AuthenticationFailed; errorCode=003200',
            detail: `Token expired: ${token}`,
            code: '3200',
          },
        ],
      },
    });
    expect(error.code).toBe('Unauthorized');
    expect(error.message).toContain('Token expired: [redacted]');
    expect(JSON.stringify({ m: error.message, f: error.faults })).not.toContain('eyJlbmMi');
  });
});
